namespace Erds.Cli.Fuzz;

// The issue's own crash: elements nested far deeper than any evidence, before the signature, inside it,
// without one, and never closed.
internal static class NestingInputs
{
    private static readonly int[] Depths = [65, 100, 257, 1_000, 7_000, 20_000, 100_000, 320_000];

    private static int Depth(Random random) => random.Next(3) == 0 ? random.LogUniform(10, 320_000) : random.Pick(Depths);

    private static string Nest(Random random, int depth)
    {
        var name = random.Pick(["a", "erds:Evidence", "ds:Object", "x:y", "ds:Signature"]);
        var declare = name.StartsWith("x:", StringComparison.Ordinal) ? " xmlns:x=\"urn:x\"" : "";
        return Text.Repeat($"<{name}{declare}>", depth) + Text.Repeat($"</{name}>", depth);
    }

    public static byte[] BeforeSignature(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var at = Text.SignatureStart(xml);
        return Text.Bytes(xml[..at] + Nest(random, Depth(random)) + xml[at..]);
    }

    public static byte[] InsideSignature(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var at = Text.ContentOf(xml, random.Pick(["Object", "SignedInfo", "KeyInfo", "X509Data", "QualifyingProperties", "SignedProperties", "UnsignedSignatureProperties", "Transforms"]), random);
        if (at < 0) at = Text.SignatureStart(xml);
        return Text.Bytes(xml[..at] + Nest(random, Depth(random)) + xml[at..]);
    }

    public static byte[] Unsigned(Random random) => Text.Bytes(Nest(random, Depth(random)));

    public static byte[] Unclosed(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var at = Text.SignatureStart(xml);
        return Text.Bytes(xml[..at] + Text.Repeat("<a>", Depth(random)));
    }
}
