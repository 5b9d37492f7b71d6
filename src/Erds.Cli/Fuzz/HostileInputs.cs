namespace Erds.Cli.Fuzz;

// The seeded generator: input N of a run is of kind N modulo the number of kinds (so every kind gets its
// share however short the run), made from genuine evidence with a generator seeded by (seed, N).
internal sealed class HostileInputs(VerifierTarget target, int seed)
{
    private static readonly (string Kind, Func<Random, byte[], VerifierTarget, int, FuzzInput?> Make)[] Makers =
    [
        ("genuine", (_, e, _, _) => null),
        ("deep-before-signature", (r, e, _, _) => Bytes(NestingInputs.BeforeSignature(r, e))),
        ("deep-inside-signature", (r, e, _, _) => Bytes(NestingInputs.InsideSignature(r, e))),
        ("deep-unsigned", (r, _, _, _) => Bytes(NestingInputs.Unsigned(r))),
        ("deep-unclosed", (r, e, _, _) => Bytes(NestingInputs.Unclosed(r, e))),
        ("huge", (r, e, _, _) => Bytes(BulkInputs.Huge(r, e))),
        ("truncated", (r, e, _, _) => Bytes(DamageInputs.Truncated(r, e))),
        ("byte-mutation", (r, e, _, _) => Bytes(DamageInputs.ByteMutation(r, e))),
        ("character-mutation", (r, e, _, _) => Bytes(DamageInputs.CharacterMutation(r, e))),
        ("signature-wrapping", (r, e, t, _) => Bytes(WrappingInputs.Wrapped(r, e, t))),
        ("attribute-flood", (r, e, _, _) => Bytes(BulkInputs.AttributeFlood(r, e))),
        ("namespace-flood", (r, e, _, _) => Bytes(BulkInputs.NamespaceFlood(r, e))),
        ("long-names", (r, e, _, _) => Bytes(BulkInputs.LongNames(r, e))),
        ("node-flood", (r, e, _, _) => Bytes(BulkInputs.NodeFlood(r, e))),
        ("invalid-utf8", (r, e, _, _) => Bytes(DamageInputs.InvalidUtf8Bytes(r, e))),
        ("bom-and-encoding", (r, e, _, _) => Bytes(DamageInputs.BomAndEncoding(r, e))),
        ("doctype", (r, e, _, _) => Bytes(MarkupInputs.Doctype(r, e))),
        ("comments-and-instructions", (r, e, _, _) => Bytes(MarkupInputs.CommentsAndInstructions(r, e))),
        ("der-damage", (r, e, _, _) => Bytes(DerInputs.Damaged(r, e))),
        ("revocation-data", (r, e, t, i) => RevocationInputs.Damaged(i, "revocation-data", r, e, t)),
        ("random-bytes", (r, _, _, _) => Bytes(RandomBytes(r))),
    ];

    public static IReadOnlyList<string> Kinds { get; } = [.. Makers.Select(m => m.Kind)];

    public FuzzInput Make(int index)
    {
        var random = Seeds.For(seed, index);
        var (kind, make) = Makers[index % Makers.Length];
        // Mostly the small and typical evidence; the largest one in one input of ten.
        var evidence = target.Bases[random.Next(10) == 0 ? 2 : random.Next(2)];
        FuzzInput? made;
        try
        {
            made = make(random, evidence, target, index);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever goes wrong here (a variant the writer refuses, or a defect of the generator) is the
            // generator's failure, not the verifier's: counted and printed apart (the CI test fails on it), and
            // the input becomes the evidence as it was, so that a long run goes on.
            GeneratorFailures.Add($"#{index} {kind}: {e.GetType().Name}: {e.Message}");
            made = null;
        }
        return made is null ? new FuzzInput(index, kind, evidence)
            : made.Kind.Length == 0 ? made with { Index = index, Kind = kind } : made;
    }

    /// <summary>Inputs the generator could not make, which ran as the genuine evidence instead.</summary>
    public List<string> GeneratorFailures { get; } = [];

    private static FuzzInput Bytes(byte[] xml) => new(0, "", xml);

    private static byte[] RandomBytes(Random random) => DamageInputs.RandomBytes(random);
}
