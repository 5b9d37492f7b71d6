using System.Globalization;
using System.Text;

namespace Erds.Cli.Fuzz.Submissions;

// The valid submission every input starts from: metadata from the sender to one to three of the
// recipients, an optional body, up to three attachments (at least one content part), small random content.
internal static class ValidSubmission
{
    private static readonly string[] Extensions = ["pdf", "docx", "xml", "txt", "png", "zip"];
    private static readonly string[] Types = ["application/pdf", "application/octet-stream", "text/plain; charset=utf-8", "application/xml", "image/png"];

    public static Draft Make(Random random, FuzzParties parties, string idempotencyKey)
    {
        var boundary = "erds-fuzz-" + random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
        var draft = new Draft
        {
            Boundary = boundary,
            ContentType = "multipart/form-data; boundary=" + boundary,
            IdempotencyKey = idempotencyKey,
            Authorization = "Bearer " + parties.Token,
        };
        var metadata = draft.Metadata;
        metadata.Set("from", Json.Str(parties.From));
        var recipients = parties.To.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, parties.To.Count)));
        metadata.Set("recipients", Json.Array(recipients.Select(to => Json.Recipient(to))));
        metadata.Set("subject", Json.Str($"Oproeping zaaknummer {random.Next(1_000_000)}"));
        if (random.Next(2) == 0) metadata.Set("senderReference", Json.Str($"C/13/{random.Next(1_000_000)} / HA ZA {random.Next(100)}-{random.Next(1000)}"));
        if (random.Next(3) == 0) metadata.Set("consignmentMode", Json.Str(random.Next(2) == 0 ? "basic" : "consent"));
        // The only part of an input that depends on the clock: an expiry must lie ahead of today.
        if (random.Next(3) == 0) metadata.Set("expiresAt", Json.Str(DateTime.UtcNow.Date.AddDays(1 + random.Next(60)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

        draft.Parts.Add(Metadata());
        var hasBody = random.Next(2) == 0;
        if (hasBody) draft.Parts.Add(Body(random));
        var attachments = random.Next(hasBody ? 0 : 1, 4);
        for (var k = 1; k <= attachments; k++) draft.Parts.Add(Attachment(random, k));
        return draft;
    }

    public static RawPart Metadata() => new RawPart { IsMetadata = true }.With("Content-Disposition: form-data; name=\"metadata\"", "Content-Type: application/json");

    public static RawPart Body(Random random) =>
        RawPart.Of("form-data; name=\"body\"", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"Geachte heer, mevrouw,\r\n\r\nIn de zaak {random.Next(100000)} ontvangt u hierbij de stukken.\r\n"));

    public static RawPart Attachment(Random random, int number)
    {
        var content = new byte[random.LogUniform(1, 8192)];
        random.NextBytes(content);
        return RawPart.Of($"form-data; name=\"attachment\"; filename=\"stuk-{number}.{random.Pick(Extensions)}\"", random.Pick(Types), content);
    }

    private static RawPart With(this RawPart part, params string[] headers)
    {
        foreach (var header in headers) part.Header(header);
        return part;
    }
}
