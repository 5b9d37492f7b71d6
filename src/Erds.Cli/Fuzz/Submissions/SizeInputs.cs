namespace Erds.Cli.Fuzz.Submissions;

// Sizes: a part or the parts together just over the provider's size limit, more parts than allowed,
// many empty parts.
internal static class SizeInputs
{
    public static void OverLimit(Random random, Draft draft, FuzzParties parties)
    {
        var over = parties.SizeLimit + random.LogUniform(1, 64 * 1024);
        switch (random.Next(3))
        {
            case 0:
                TextInputs.Attachment(random, draft).Body = Filler(random, over);
                break;
            case 1:
                var pieces = random.Next(2, 5);
                draft.Parts.RemoveAll(p => !p.IsMetadata);
                for (var k = 1; k <= pieces; k++)
                {
                    var part = ValidSubmission.Attachment(random, k);
                    part.Body = Filler(random, over / pieces + 1);
                    draft.Parts.Add(part);
                }
                break;
            default:
                // Exactly the limit: still allowed.
                draft.Parts.RemoveAll(p => !p.IsMetadata);
                var exact = ValidSubmission.Attachment(random, 1);
                exact.Body = Filler(random, parties.SizeLimit);
                draft.Parts.Add(exact);
                break;
        }
    }

    public static void ManyParts(Random random, Draft draft, FuzzParties _)
    {
        var count = random.Next(3) switch { 0 => random.Next(98, 103), 1 => random.LogUniform(100, 5000), _ => random.Next(2, 98) };
        var empty = random.Next(2) == 0;
        draft.Parts.RemoveAll(p => !p.IsMetadata);
        for (var k = 1; k <= count; k++)
        {
            var part = ValidSubmission.Attachment(random, k);
            if (empty) part.Body = [];
            else if (part.Body.Length > 64) part.Body = part.Body[..64];
            draft.Parts.Add(part);
        }
    }

    private static byte[] Filler(Random random, long length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes.AsSpan(0, (int)Math.Min(length, 4096)));
        return bytes;
    }
}
