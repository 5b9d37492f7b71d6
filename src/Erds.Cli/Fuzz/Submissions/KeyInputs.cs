namespace Erds.Cli.Fuzz.Submissions;

// Idempotency keys: missing, empty, too long, odd characters; and a key used again, with the same
// content (the first answer must come back) or other content, one after the other or at the same time.
internal static class KeyInputs
{
    public static void OddKey(Random random, Draft draft, FuzzParties _)
    {
        draft.IdempotencyKey = random.Next(8) switch
        {
            0 => null,
            1 => "",
            2 => new string('k', 128),
            3 => new string('k', random.LogUniform(129, 16_000)),
            4 => draft.IdempotencyKey + " x",
            5 => draft.IdempotencyKey + "\u00e9",
            6 => "\t" + draft.IdempotencyKey,
            _ => draft.IdempotencyKey + random.Pick(["\"", "'", ";", ",", "%00", "\\"]),
        };
    }

    // The second request of a reused key: the same draft again or one changed a little.
    public static Draft Reused(Random random, Draft first, FuzzParties parties, int index)
    {
        var second = random.Next(3) == 0 ? first : ValidSubmission.Make(random, parties, first.IdempotencyKey!);
        if (second != first && random.Next(2) == 0)
        {
            // Only the boundary differs: the same submission for the provider.
            second = first;
            second.Boundary = "erds-fuzz-again-" + index;
            second.ContentType = "multipart/form-data; boundary=" + second.Boundary;
        }
        return second;
    }
}
