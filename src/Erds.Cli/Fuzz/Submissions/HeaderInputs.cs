namespace Erds.Cli.Fuzz.Submissions;

// Headers: a part's Content-Type broken, huge or twice; the request's Content-Type not multipart or
// odd; floods of request headers; a missing or wrong bearer token.
internal static class HeaderInputs
{
    public static void PartContentType(Random random, Draft draft, FuzzParties _)
    {
        var part = random.Pick(draft.Parts);
        var value = random.Next(14) switch
        {
            0 => "",
            1 => "text/",
            2 => "/",
            3 => "application",
            4 => "a/b; x=\"unterminated",
            5 => "text/plain; charset=" + new string('c', random.LogUniform(200, 20_000)),
            6 => "application/" + new string('x', random.LogUniform(200, 20_000)),
            7 => "text/html\u0000",
            8 => "text/plain; " + string.Join("; ", Enumerable.Range(0, random.LogUniform(10, 2000)).Select(n => $"p{n}=v")),
            9 => "text/plain;;;;=;",
            10 => "multipart/mixed; boundary=" + draft.Boundary,
            11 => HostileText.Into(random, "application/pdf").Replace("\r", "").Replace("\n", ""),
            12 => "text/html; charset=utf-8",
            _ => "*/*",
        };
        if (random.Next(5) == 0) part.Header("Content-Type: " + value);
        else part.Replace("Content-Type", "Content-Type: " + value);
    }

    public static void RequestContentType(Random random, Draft draft, FuzzParties _)
    {
        draft.ContentType = random.Next(10) switch
        {
            0 => null,
            1 => "text/plain",
            2 => "application/json",
            3 => "multipart/mixed; boundary=" + draft.Boundary,
            4 => "multipart/form-data; boundary=" + draft.Boundary + "; charset=" + new string('x', random.LogUniform(100, 16_000)),
            5 => "multipart/form-data; boundary=" + draft.Boundary + "; boundary=" + draft.Boundary,
            6 => "MULTIPART/FORM-DATA; BOUNDARY=" + draft.Boundary,
            7 => "multipart/form-data;boundary=\"" + draft.Boundary + "\"",
            8 => "application/x-www-form-urlencoded",
            _ => "multipart/form-data; boundary=" + draft.Boundary + "; " + string.Join("; ", Enumerable.Range(0, random.LogUniform(10, 1000)).Select(n => $"p{n}=v")),
        };
    }

    public static void HeaderFlood(Random random, Draft draft, FuzzParties _)
    {
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.LogUniform(10, 2000); n > 0; n--) draft.ExtraHeaders.Add(new($"X-Flood-{n}", "v"));
                break;
            case 1:
                draft.ExtraHeaders.Add(new("X-Long", new string('l', random.LogUniform(1000, 64_000))));
                break;
            case 2:
                for (var n = random.Next(2, 50); n > 0; n--) draft.ExtraHeaders.Add(new("Idempotency-Key", $"{draft.IdempotencyKey}-{n}"));
                break;
            default:
                draft.ExtraHeaders.Add(new(random.Pick(["Content-Encoding", "Transfer-Encoding", "Expect", "X-Forwarded-For", "Accept"]),
                    random.Pick(["gzip", "br", "chunked, gzip", "100-continue", "1.2.3.4, ::1, " + new string('9', 300), "*/*;q=0.0"])));
                break;
        }
    }

    public static void Authorization(Random random, Draft draft, FuzzParties parties)
    {
        draft.Authorization = random.Next(7) switch
        {
            0 => null,
            1 => "Bearer",
            2 => "Bearer " + parties.Token[..(parties.Token.Length / 2)],
            3 => "bearer " + parties.Token,
            4 => "Basic " + Convert.ToBase64String("a:b"u8.ToArray()),
            5 => "Bearer " + parties.Token + " " + parties.Token,
            _ => "Bearer " + new string('A', random.LogUniform(100, 20_000)),
        };
    }
}
