using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// The multipart framing itself: odd and broken boundaries, parts missing, twice or out of order, part
// headers broken or flooded, the body cut anywhere, random bytes of a valid body changed.
internal static class FramingInputs
{
    public static void Boundary(Random random, Draft draft, FuzzParties _)
    {
        var header = "multipart/form-data; boundary=";
        switch (random.Next(12))
        {
            case 0: draft.ContentType = "multipart/form-data"; break;
            case 1: draft.ContentType = header; break;
            case 2: draft.ContentType = header + "\"\""; break;
            case 3: draft.Boundary = new string('b', 70 + random.Next(3)); draft.ContentType = header + draft.Boundary; break;
            case 4: draft.Boundary = new string('-', random.Next(1, 10)); draft.ContentType = header + draft.Boundary; break;
            case 5: draft.Boundary = "a b;c=\"d\""; draft.ContentType = header + "\"a b;c=\\\"d\\\"\""; break;
            case 6: draft.ContentType = header + draft.Boundary + "x"; break;
            case 7: draft.ContentType = header + draft.Boundary + "; boundary=other"; break;
            case 8:
                // The boundary inside the content, with and without the line break before it.
                var part = draft.Parts[^1];
                part.Body = [.. part.Body, .. Encoding.ASCII.GetBytes((random.Next(2) == 0 ? "\r\n--" : "--") + draft.Boundary + random.Pick(["", "--", "\r\n", "  \r\n"])), .. part.Body];
                break;
            case 9: draft.Newline = random.Pick(["\n", "\r", "\n\r", "\r\r\n"]); break;
            case 10: draft.CloseDelimiter = false; break;
            default:
                draft.Preamble = Encoding.ASCII.GetBytes(random.Pick(["\r\n", "preamble\r\n", "--" + draft.Boundary + "-\r\n", new string('x', 100_000) + "\r\n"]));
                draft.Epilogue = Encoding.ASCII.GetBytes(random.Pick(["epilogue", "--" + draft.Boundary + "\r\n\r\n", "\r\n--" + draft.Boundary + "--\r\n"]));
                break;
        }
    }

    public static void PartsMissing(Random random, Draft draft, FuzzParties _)
    {
        switch (random.Next(5))
        {
            case 0: draft.Parts.RemoveAll(p => p.IsMetadata); break;
            case 1: draft.Parts.RemoveAll(p => !p.IsMetadata); break;
            case 2: draft.Parts.Clear(); break;
            case 3: draft.Parts.Clear(); draft.CloseDelimiter = random.Next(2) == 0; draft.Epilogue = random.Next(2) == 0 ? [] : "x"u8.ToArray(); break;
            default: foreach (var part in draft.Parts.Where(p => !p.IsMetadata)) part.Body = []; break;
        }
    }

    public static void PartsDuplicate(Random random, Draft draft, FuzzParties _)
    {
        var part = random.Pick(draft.Parts);
        var copies = random.Next(5) == 0 ? random.Next(2, 200) : 1;
        for (var n = 0; n < copies; n++) draft.Parts.Insert(random.Next(draft.Parts.IndexOf(part) + 1, draft.Parts.Count + 1), Copy(part));
        if (random.Next(3) == 0) draft.Parts.Insert(random.Next(1, draft.Parts.Count + 1), ValidSubmission.Body(random));
    }

    public static void PartsReordered(Random random, Draft draft, FuzzParties _)
    {
        if (random.Next(3) == 0)
        {
            var name = random.Pick(["Metadata", "METADATA", "bodies", "attachments", "file", "", "metadata ", "body\u0000"]);
            draft.Parts.Insert(random.Next(draft.Parts.Count + 1), RawPart.Of($"form-data; name=\"{name}\"", "text/plain", "x"u8.ToArray()));
            return;
        }
        if (draft.Parts.Count < 2) draft.Parts.Add(ValidSubmission.Attachment(random, 2));
        var shuffled = draft.Parts.OrderBy(_ => random.Next()).ToList();
        if (shuffled[0].IsMetadata) (shuffled[0], shuffled[^1]) = (shuffled[^1], shuffled[0]);
        draft.Parts.Clear();
        draft.Parts.AddRange(shuffled);
    }

    public static void PartHeaders(Random random, Draft draft, FuzzParties _)
    {
        var part = random.Pick(draft.Parts);
        switch (random.Next(9))
        {
            case 0: part.Remove("Content-Disposition"); break;
            case 1: part.Replace("Content-Disposition", "Content-Disposition: " + random.Pick(["attachment; name=\"attachment\"; filename=\"a.pdf\"", "inline", "form-data", "form-data; name=", "form-data; name=\"unterminated", "form-data; name=attachment; filename=a b c.pdf", "form-data;;;; name=\"body\"", ";"])); break;
            case 2: part.Headers.Insert(0, "Content-Disposition: form-data; name=\"attachment\"; filename=\"first.pdf\""u8.ToArray()); break;
            case 3: part.Headers.Add(random.Pick<byte[]>(["no colon here"u8.ToArray(), ": no name"u8.ToArray(), "X-Space : value"u8.ToArray(), " folded continuation"u8.ToArray(), [(byte)'X', 0xFF, (byte)':', (byte)' ', 0xC0, 0x80]])); break;
            case 4: for (var n = random.LogUniform(10, 4000); n > 0; n--) part.Header($"X-Flood-{n}: {new string('v', 20)}"); break;
            case 5: part.Header("X-Long: " + new string('l', random.LogUniform(1000, 100_000))); break;
            case 6: part.Headers.Clear(); break;
            case 7: part.Header("Content-Length: " + random.Pick(["0", "-1", "99999999999999999999", "x"])); break;
            default: part.Header("Content-Transfer-Encoding: " + random.Pick(["base64", "quoted-printable", "8bit", "x-unknown"])); break;
        }
    }

    public static void Truncated(Random random, Draft draft, FuzzParties _) =>
        draft.Finish = body => body[..random.Next(body.Length)];

    public static void ByteMutation(Random random, Draft draft, FuzzParties _) =>
        draft.Finish = body =>
        {
            var bytes = new List<byte>(body);
            for (var n = random.LogUniform(1, 64); n > 0 && bytes.Count > 0; n--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 2: bytes.Insert(at, random.Pick<byte>([0, (byte)'\r', (byte)'\n', (byte)'-', (byte)'"', 0xFF])); break;
                    default: bytes.RemoveAt(at); break;
                }
            }
            return [.. bytes];
        };

    private static RawPart Copy(RawPart part)
    {
        var copy = new RawPart { IsMetadata = part.IsMetadata, Body = part.Body };
        copy.Headers.AddRange(part.Headers);
        return copy;
    }
}
