namespace Erds.Cli.Fuzz.Submissions;

// The seeded generator of submissions: input N of a run is of kind N modulo the number of kinds (every kind
// gets its share however short the run), made from a valid submission by a generator seeded by (seed, N),
// so that the same seed makes the same inputs (only expiry dates follow the clock) and any one input can
// be made again alone. Idempotency keys are fuzz-<seed>-<N>: distinct within a run.
internal sealed class SubmissionInputs(FuzzParties parties, int seed)
{
    private static readonly (string Kind, Action<Random, Draft, FuzzParties> Change)[] Makers =
    [
        ("valid", (_, _, _) => { }),
        ("subject-text", TextInputs.Subject),
        ("reference-text", TextInputs.Reference),
        ("identifier-text", TextInputs.Identifier),
        ("part-name-text", TextInputs.PartName),
        ("file-name-text", TextInputs.FileName),
        ("file-name-star", TextInputs.FileNameStar),
        ("long-text", TextInputs.LongText),
        ("boundary", FramingInputs.Boundary),
        ("parts-missing", FramingInputs.PartsMissing),
        ("parts-duplicate", FramingInputs.PartsDuplicate),
        ("parts-reordered", FramingInputs.PartsReordered),
        ("part-headers", FramingInputs.PartHeaders),
        ("truncated", FramingInputs.Truncated),
        ("byte-mutation", FramingInputs.ByteMutation),
        ("metadata-invalid-json", MetadataInputs.InvalidJson),
        ("metadata-deep", MetadataInputs.Deep),
        ("metadata-huge", MetadataInputs.Huge),
        ("metadata-wrong-types", MetadataInputs.WrongTypes),
        ("recipients", RecipientInputs.Recipients),
        ("sender-and-mode", RecipientInputs.Sender),
        ("expiry", RecipientInputs.Expiry),
        ("part-content-type", HeaderInputs.PartContentType),
        ("request-content-type", HeaderInputs.RequestContentType),
        ("header-flood", HeaderInputs.HeaderFlood),
        ("authorization", HeaderInputs.Authorization),
        ("over-limit", SizeInputs.OverLimit),
        ("many-parts", SizeInputs.ManyParts),
        ("idempotency-key", KeyInputs.OddKey),
        ("idempotency-reused", (_, _, _) => { }),
        ("idempotency-concurrent", (_, _, _) => { }),
    ];

    public static IReadOnlyList<string> Kinds { get; } = [.. Makers.Select(m => m.Kind)];

    // Inputs the generator could not make (they were sent as the valid submission instead).
    public List<string> GeneratorFailures { get; } = [];

    public SubmissionInput Make(int index)
    {
        var random = Seeds.For(seed, index);
        var (kind, change) = Makers[index % Makers.Length];
        var draft = ValidSubmission.Make(random, parties, $"fuzz-{seed}-{index}");
        try
        {
            change(random, draft, parties);
            var first = draft.ToRequest();
            if (kind is not ("idempotency-reused" or "idempotency-concurrent")) return new SubmissionInput(index, kind, [first]);
            var second = KeyInputs.Reused(random, draft, parties, index).ToRequest();
            return new SubmissionInput(index, kind, [first, second], Together: kind == "idempotency-concurrent");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lock (GeneratorFailures) GeneratorFailures.Add($"#{index} {kind}: {e.GetType().Name}: {e.Message}");
            return new SubmissionInput(index, kind, [ValidSubmission.Make(Seeds.For(seed, index), parties, $"fuzz-{seed}-{index}").ToRequest()]);
        }
    }
}
