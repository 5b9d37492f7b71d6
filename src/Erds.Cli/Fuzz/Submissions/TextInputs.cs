using System.Globalization;
using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// Hostile characters in every text a sender chooses: subject, reference, addresses and schemes, part
// names, file names (plain, RFC 5987 filename*, both), and text just over or far over its length limit.
internal static class TextInputs
{
    public static void Subject(Random random, Draft draft, FuzzParties _) => draft.Metadata.Set("subject", Hostile(random, "Dagvaarding 2026"));

    public static void Reference(Random random, Draft draft, FuzzParties _) => draft.Metadata.Set("senderReference", Hostile(random, "C/13/654321"));

    public static void Identifier(Random random, Draft draft, FuzzParties parties)
    {
        var to = random.Pick(parties.To);
        switch (random.Next(3))
        {
            case 0: draft.Metadata.Set("from", Hostile(random, parties.From)); break;
            case 1: draft.Metadata.Set("recipients", Json.Array([Json.Object(("identifier", Hostile(random, to)), ("scheme", Json.Str("mailto")))])); break;
            default: draft.Metadata.Set("recipients", Json.Array([Json.Object(("identifier", Json.Str(to)), ("scheme", Hostile(random, "mailto")))])); break;
        }
    }

    public static void PartName(Random random, Draft draft, FuzzParties _)
    {
        var part = random.Pick(draft.Parts);
        var name = part.IsMetadata ? "metadata" : part.Body.Length > 0 && random.Next(2) == 0 ? "body" : "attachment";
        var hostile = Encoding.Latin1.GetBytes($"Content-Disposition: form-data; name=\"").Concat(NameBytes(random, name)).Concat("\"; filename=\"a.pdf\""u8.ToArray());
        part.Replace("Content-Disposition", [.. hostile]);
    }

    public static void FileName(Random random, Draft draft, FuzzParties _)
    {
        var part = Attachment(random, draft);
        part.Replace("Content-Disposition", [.. "Content-Disposition: form-data; name=\"attachment\"; filename=\""u8.ToArray(), .. NameBytes(random, "Conclusie van antwoord.pdf"), (byte)'"']);
    }

    public static void FileNameStar(Random random, Draft draft, FuzzParties _)
    {
        var part = Attachment(random, draft);
        var name = HostileText.Into(random, random.Next(3) == 0 ? HostileText.Long(random, 255) : "Vonnis.pdf");
        var encoded = new StringBuilder();
        foreach (var b in Wtf8.Bytes(name)) encoded.Append(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' ? ((char)b).ToString() : string.Create(CultureInfo.InvariantCulture, $"%{b:X2}"));
        if (random.Next(4) == 0) encoded.Append(random.Pick(["%", "%F", "%GG", "%FF%FE", "%ED%A0%80", "%C0%80"]));
        var charset = random.Pick(["UTF-8", "utf-8", "ISO-8859-1", "UTF-16", "x-unknown", ""]);
        var plain = random.Pick(["", "; filename=\"plain.pdf\"", "; filename=\"\"", "; filename=\"../../x\""]);
        var disposition = random.Next(3) == 0
            ? $"form-data; name=\"attachment\"; filename*={charset}'nl'{encoded}{plain}"
            : $"form-data; name=\"attachment\"{plain}; filename*={charset}''{encoded}";
        part.Replace("Content-Disposition", "Content-Disposition: " + disposition);
    }

    public static void LongText(Random random, Draft draft, FuzzParties parties)
    {
        switch (random.Next(5))
        {
            case 0: draft.Metadata.Set("subject", Json.Str(HostileText.Long(random, 998))); break;
            case 1: draft.Metadata.Set("senderReference", Json.Str(HostileText.Long(random, 256))); break;
            case 2: draft.Metadata.Set("recipients", Json.Array([Json.Recipient(HostileText.Long(random, 320 - 20).Replace(" ", "x") + "@rechtbank.example")])); break;
            case 3: draft.Metadata.Set("recipients", Json.Array([Json.Recipient(random.Pick(parties.To), HostileText.Long(random, 64).Replace(" ", "x"))])); break;
            default:
                Attachment(random, draft).Replace("Content-Disposition", $"Content-Disposition: form-data; name=\"attachment\"; filename=\"{HostileText.Long(random, 255).Replace("\"", "")}.pdf\"");
                break;
        }
    }

    // Half the time as JSON escapes (\u0001, \ud800: valid JSON, hostile text), else the characters as they are.
    private static string Hostile(Random random, string text)
    {
        var value = HostileText.Into(random, text);
        return random.Next(2) == 0 ? Json.Str(value, escapeAll: random.Next(2) == 0) : Json.RawStr(value.Replace("\"", "").Replace("\\", ""));
    }

    private static byte[] NameBytes(Random random, string name) => random.Next(5) == 0
        ? [.. Encoding.ASCII.GetBytes(name[..(name.Length / 2)]), .. HostileText.InvalidUtf8(random), .. Encoding.ASCII.GetBytes(name[(name.Length / 2)..])]
        : Wtf8.Bytes(HostileText.Into(random, name).Replace("\r", "").Replace("\n", ""));

    public static RawPart Attachment(Random random, Draft draft)
    {
        var attachments = draft.Parts.Where(p => !p.IsMetadata && p.Headers.Any(h => Encoding.Latin1.GetString(h).Contains("filename", StringComparison.Ordinal))).ToList();
        if (attachments.Count > 0) return random.Pick(attachments);
        var added = ValidSubmission.Attachment(random, 1);
        draft.Parts.Add(added);
        return added;
    }
}
