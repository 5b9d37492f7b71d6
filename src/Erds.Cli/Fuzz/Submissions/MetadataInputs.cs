using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// The metadata part as JSON an attacker writes: broken, deeply nested, huge (around its 64 KiB limit
// and far over it), every member of the wrong type, members twice or unknown.
internal static class MetadataInputs
{
    public static void InvalidJson(Random random, Draft draft, FuzzParties _)
    {
        var json = draft.Metadata.Text();
        draft.MetadataBytes = random.Next(10) switch
        {
            0 => Encoding.UTF8.GetBytes(json[..random.Next(json.Length)]),
            1 => Encoding.UTF8.GetBytes(json.Replace("}", ",}")),
            2 => Encoding.UTF8.GetBytes("/* comment */" + json),
            3 => Encoding.UTF8.GetBytes(json.Replace("\"", "'")),
            4 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)],
            5 => Encoding.Unicode.GetBytes(json),
            6 => [.. Encoding.UTF8.GetBytes(json[..(json.Length / 2)]), .. HostileText.InvalidUtf8(random), .. Encoding.UTF8.GetBytes(json[(json.Length / 2)..])],
            7 => Encoding.UTF8.GetBytes(random.Pick(["", "null", "[]", "\"\"", "0", "true", "{}", "NaN", "{\"from\":NaN}", "{\"from\":1e999999}", "\u0000"])),
            8 => Encoding.UTF8.GetBytes(json + random.Pick(["{}", "x", "\u0000", " \r\n "])),
            _ => Encoding.UTF8.GetBytes(json.Replace(":", random.Pick([" : ", "=", "::"]))),
        };
    }

    public static void Deep(Random random, Draft draft, FuzzParties _)
    {
        var depth = random.LogUniform(60, 200_000);
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var closed = random.Next(4) != 0;
        var nested = Text.Repeat(open, depth) + "1" + (closed ? Text.Repeat(close, depth) : "");
        var member = random.Pick(["recipients", "subject", "unknownMember", "expiresAt"]);
        if (random.Next(4) == 0) draft.MetadataBytes = Encoding.UTF8.GetBytes(nested);
        else draft.Metadata.Set(member, nested);
    }

    public static void Huge(Random random, Draft draft, FuzzParties _)
    {
        var size = random.Next(3) switch
        {
            0 => 64 * 1024 - 200 + random.Next(400),
            1 => random.LogUniform(64 * 1024, 16 * 1024 * 1024),
            _ => random.LogUniform(1024, 64 * 1024),
        };
        switch (random.Next(3))
        {
            case 0: draft.Metadata.Set("unknownMember", Json.Str(new string('x', size))); break;
            case 1: draft.Metadata.Set("subject", Json.Str(Text.Repeat("\\u0041", size / 6))); break;
            default:
                var members = size / 16;
                for (var n = 0; n < members; n++) draft.Metadata.Add($"m{n}", "0");
                break;
        }
    }

    public static void WrongTypes(Random random, Draft draft, FuzzParties parties)
    {
        var member = random.Pick(["from", "recipients", "subject", "senderReference", "consignmentMode", "expiresAt"]);
        var value = random.Pick(["null", "0", "-1", "1.5e308", "true", "[]", "{}", "[null]", "[1,2]", "\"\"", "\" \"", "[{}]", "[[]]",
            "{\"identifier\":\"x\"}", "\"" + random.Pick(parties.To) + "\"", "[\"" + random.Pick(parties.To) + "\"]", "[{\"identifier\":null}]", "[{\"identifier\":1}]", "[{\"identifier\":{}}]", "[{\"scheme\":\"mailto\"}]"]);
        switch (random.Next(4))
        {
            case 0: draft.Metadata.Remove(member); break;
            case 1: draft.Metadata.Add(member, value); break;
            default: draft.Metadata.Set(member, value); break;
        }
        if (random.Next(4) == 0) draft.Metadata.Add(random.Pick(["From", "RECIPIENTS", "$type", "__proto__", "extra"]), value);
        if (random.Next(4) == 0) draft.Metadata.Shuffle(random);
    }
}
