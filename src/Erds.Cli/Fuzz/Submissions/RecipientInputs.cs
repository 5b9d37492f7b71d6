using System.Globalization;

namespace Erds.Cli.Fuzz.Submissions;

// Addressing and time: many recipients, the same one twice, unknown ones, odd schemes, an odd sender;
// expiry in the past, far off, or no date at all.
internal static class RecipientInputs
{
    private static readonly string[] Schemes = ["", " ", "MAILTO", "Mailto", "mailto:", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "eDeliveryID", "tel", "x", new('s', 65), "mailto mailto"];

    public static void Recipients(Random random, Draft draft, FuzzParties parties)
    {
        var to = random.Pick(parties.To);
        var list = random.Next(8) switch
        {
            0 => Enumerable.Range(0, random.LogUniform(40, 2000)).Select(n => Json.Recipient(n % 2 == 0 ? parties.To[n / 2 % parties.To.Count].Replace("@", $"+{n}@") : $"onbekend{n}@nergens.example")),
            1 => [Json.Recipient(to), Json.Recipient(random.Next(2) == 0 ? to.ToUpperInvariant() : " " + to + " ")],
            2 => parties.To.Select(t => Json.Recipient(t)).Append(Json.Recipient($"onbekend-{random.Next(1000)}@nergens.example")),
            3 => [Json.Recipient(to, random.Pick(Schemes))],
            4 => [],
            5 => Enumerable.Range(0, random.Next(45, 60)).Select(_ => Json.Recipient(to)),
            6 => [Json.Recipient(random.Pick(["", "@", "a@", "@b", "a@@b", "<" + to + ">", "mailto:" + to, to + ",", to + ";" + to]))],
            _ => parties.To.Select(t => Json.Recipient(t)),
        };
        draft.Metadata.Set("recipients", Json.Array(list));
    }

    public static void Sender(Random random, Draft draft, FuzzParties parties)
    {
        var from = random.Next(6) switch
        {
            0 => parties.From.ToUpperInvariant(),
            1 => " " + parties.From + " ",
            2 => random.Pick(parties.To),
            3 => "niet-van-ons@" + parties.From.Split('@')[^1],
            4 => parties.From + "\u0000",
            _ => "",
        };
        draft.Metadata.Set("from", Json.Str(from));
        if (random.Next(2) == 0) draft.Metadata.Set("consignmentMode", Json.Str(random.Pick(["CONSENT", " basic ", "none", "", "basic\u0000", "consent,basic"])));
    }

    public static void Expiry(Random random, Draft draft, FuzzParties _)
    {
        var today = DateTime.UtcNow.Date;
        string Date(DateTime date, string offset = "Z") => Json.Str(date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset);
        draft.Metadata.Set("expiresAt", random.Next(12) switch
        {
            0 => Date(today.AddDays(-random.Next(1, 10_000))),
            1 => Date(DateTime.UtcNow),
            2 => Date(today.AddDays(90 + random.Next(0, 3))),
            3 => Date(DateTime.MaxValue.Date),
            4 => Date(DateTime.MinValue),
            5 => Date(today.AddDays(10), "+14:00"),
            6 => Date(today.AddDays(10), random.Pick(["-14:00", "+14:01", "+99:99", "+00:00:30", "Z+01:00"])),
            7 => Json.Str(random.Pick(["tomorrow", "2026-13-45T00:00:00Z", "2026-02-30T00:00:00Z", "0000-00-00", "9999-12-31T23:59:59.9999999Z", "1e10", ""])),
            8 => random.Pick(["1767225600", "-1", "1e308", "true", "[]", "{}"]),
            9 => Json.Str(today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            10 => Json.Str(today.AddDays(10).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            _ => Date(today.AddDays(random.Next(1, 90)).AddTicks(random.NextInt64(TimeSpan.TicksPerDay))),
        });
    }
}
