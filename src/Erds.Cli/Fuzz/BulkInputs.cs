using System.Text;

namespace Erds.Cli.Fuzz;

// Inputs that are big in one dimension: bytes, attributes, namespace declarations, name lengths, nodes.
internal static class BulkInputs
{
    // Around the limit: just under it costs the verifier most; just over it must cost nothing.
    private static readonly int Limit = Erds.Evidence.Xml.XmlLimits.Default.MaxBytes;

    public static byte[] Huge(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var size = random.Next(3) == 0 ? Limit - xml.Length + random.Next(-64, 64) : random.LogUniform(16 * 1024, Limit + Limit / 4);
        size = Math.Max(1, size);
        var filler = random.Next(5) switch
        {
            0 => new string(' ', size),
            1 => $"<e:Pad xmlns:e=\"urn:pad\">{new string('A', size)}</e:Pad>",
            2 => $"<!--{new string('-', 1)}{new string('x', size)}-->",
            3 => $"<e:Pad xmlns:e=\"urn:pad\" v=\"{new string('v', size)}\"/>",
            _ => Text.Repeat("<p/>", Math.Max(1, size / 4)),
        };
        var at = random.Next(3) == 0 ? xml.Length : Text.SignatureStart(xml);
        return Text.Bytes(xml[..at] + filler + xml[at..]);
    }

    public static byte[] AttributeFlood(Random random, byte[] evidence)
    {
        var count = random.LogUniform(60, 200_000);
        var builder = new StringBuilder("<e:Flood xmlns:e=\"urn:flood\"");
        for (var i = 0; i < count; i++) builder.Append(" a").Append(i).Append("=\"").Append(i % 10).Append('"');
        if (random.Next(4) == 0) builder.Append(" a0=\"duplicate\"");
        builder.Append("/>");
        return Insert(random, evidence, builder.ToString());
    }

    public static byte[] NamespaceFlood(Random random, byte[] evidence)
    {
        var count = random.LogUniform(60, 100_000);
        var builder = new StringBuilder();
        if (random.Next(2) == 0)
        {
            builder.Append("<e:Flood xmlns:e=\"urn:flood\"");
            for (var i = 0; i < count; i++) builder.Append(" xmlns:p").Append(i).Append("=\"urn:p").Append(i).Append('"');
            builder.Append("/>");
        }
        else
        {
            // Spread over nested elements, each using prefixes declared above it: the canonicalizer's scopes.
            var depth = Math.Min(60, count);
            for (var d = 0; d < depth; d++)
            {
                builder.Append("<p").Append(d).Append(":n");
                for (var i = 0; i < 60; i++) builder.Append(" xmlns:p").Append(d + i).Append("=\"urn:").Append(random.Next(4)).Append('"');
                builder.Append('>');
            }
            for (var d = depth - 1; d >= 0; d--) builder.Append("</p").Append(d).Append(":n>");
        }
        return Insert(random, evidence, builder.ToString());
    }

    public static byte[] LongNames(Random random, byte[] evidence)
    {
        var name = "n" + new string('x', random.LogUniform(200, 3_000_000));
        var fragment = random.Next(5) switch
        {
            0 => $"<{name}/>",
            1 => $"<e:E xmlns:e=\"urn:e\" {name}=\"1\"/>",
            2 => $"<{name}:E xmlns:{name}=\"urn:e\"/>",
            3 => $"<e:E xmlns:e=\"urn:{name}\"/>",
            _ => $"<?{name} data?>",
        };
        return Insert(random, evidence, fragment);
    }

    public static byte[] NodeFlood(Random random, byte[] evidence)
    {
        var count = random.LogUniform(1_000, 1_000_000);
        var node = random.Pick(["<!---->", "<?p?>", "<e/>", "x<e/>", " <!--c-->", "&amp;<?q x?>", "<![CDATA[]]><e/>"]);
        return Insert(random, evidence, node.Contains("<e/>", StringComparison.Ordinal)
            ? $"<w xmlns=\"urn:w\">{Text.Repeat(node, count)}</w>"
            : $"<w xmlns=\"urn:w\">{Text.Repeat(node, count)}</w>");
    }

    private static byte[] Insert(Random random, byte[] evidence, string fragment)
    {
        var xml = Text.Of(evidence);
        var at = random.Next(3) switch
        {
            0 => Text.SignatureStart(xml),
            1 => Math.Max(0, Text.ContentOf(xml, random.Pick(["SignedInfo", "Object", "KeyInfo", "SenderDetails"]), random)),
            _ => xml.IndexOf('>', xml.IndexOf("<erds:Evidence", StringComparison.Ordinal)) + 1,
        };
        return Text.Bytes(xml[..at] + fragment + xml[at..]);
    }
}
