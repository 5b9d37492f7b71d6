using Erds.Persistence;
using System.Text.Json;
using Erds.Submission.Limits;
using Erds.Submission.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Erds.Submission.Messages.Submit;

// Reads a multipart/form-data submission section by section: first the JSON metadata, then the body
// and attachments, each handed to a sink as a stream so that nothing is held whole in memory.
public sealed class SubmissionBodyReader
{
    private const int MaxMetadataBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    private readonly MultipartReader _reader;
    private readonly int _maxParts;

    private SubmissionBodyReader(MultipartReader reader, int maxParts)
    {
        _reader = reader;
        _maxParts = maxParts;
    }

    public static SubmissionBodyReader Open(HttpRequest request, SubmissionOptions options, TimeSpan idleTimeout)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw Problems.Problems.UnsupportedMediaType("A submission is multipart/form-data: a 'metadata' JSON part, then an optional 'body' part and 'attachment' parts.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            throw Problems.Problems.MalformedRequest("The multipart/form-data content type has no valid boundary.");
        }
        // No section length limit of the reader's own: PartCopier counts the content against what the
        // message may hold and refuses it with evidence, where the reader would throw mid-read.
        var reader = new MultipartReader(boundary, new IdleTimeoutStream(request.Body, idleTimeout))
        {
            HeadersLengthLimit = 16 * 1024,
        };
        return new SubmissionBodyReader(reader, options.MaxParts);
    }

    public async Task<(SubmissionMetadata Metadata, byte[] RawJson)> ReadMetadataAsync(CancellationToken cancellationToken)
    {
        var section = await NextSectionAsync(cancellationToken)
            ?? throw Problems.Problems.MalformedRequest("The submission is empty: the first part must be the 'metadata' JSON.");
        var disposition = Disposition(section);
        if (disposition?.Name.Value != "metadata")
        {
            throw Problems.Problems.MalformedRequest("The first part must be the form field 'metadata' holding JSON.");
        }
        byte[] raw;
        try
        {
            raw = await ReadBoundedAsync(section.Body, MaxMetadataBytes, cancellationToken);
        }
        catch (IOException ex) when (RequestBody.EndedEarly(ex, cancellationToken))
        {
            throw Problems.Problems.MalformedRequest($"The multipart body ended inside the metadata part: {ex.Message}");
        }
        try
        {
            var metadata = JsonSerializer.Deserialize<SubmissionMetadata>(raw, Json)
                ?? throw Problems.Problems.MalformedRequest("The metadata part is JSON null.");
            return (metadata, raw);
        }
        catch (JsonException ex)
        {
            throw Problems.Problems.MalformedRequest($"The metadata part is not valid JSON: {ex.Message}");
        }
    }

    // Calls the sink for every content part, in order. Returns the number of parts.
    public async Task<int> ReadPartsAsync(Func<IncomingPart, Stream, Task> sink, CancellationToken cancellationToken)
    {
        var ordinal = 0;
        var hasBody = false;
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = Disposition(section)
                ?? throw Problems.Problems.MalformedRequest($"Part {ordinal + 2} has no Content-Disposition form-data header.");
            var name = disposition.Name.Value;
            if (name != "body" && name != "attachment")
            {
                throw Problems.Problems.MalformedRequest($"Unexpected part '{name}': after 'metadata' only 'body' (at most one) and 'attachment' parts are allowed.");
            }
            if (name == "body" && hasBody) throw Problems.Problems.MalformedRequest("A submission has at most one 'body' part.");
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (name == "attachment" && string.IsNullOrWhiteSpace(fileName))
            {
                throw Problems.Problems.MalformedRequest("Every 'attachment' part needs a file name.");
            }
            if (++ordinal > _maxParts) throw Problems.Problems.MalformedRequest($"A submission has at most {_maxParts} parts.");
            hasBody |= name == "body";
            var contentType = ContentTypeOf(section, ordinal + 1);
            var partId = name == "body" ? "body" : $"attachment-{ordinal - (hasBody ? 1 : 0)}";
            await sink(new IncomingPart(ordinal, partId, name == "body" ? null : SafeFileName(fileName!), contentType), section.Body);
        }
        return ordinal;
    }

    // The media type goes into evidence and into the recipient's response headers: only a well-formed
    // one is accepted, and it is kept in its normalised form.
    private static string ContentTypeOf(MultipartSection section, int partNumber)
    {
        if (string.IsNullOrWhiteSpace(section.ContentType)) return "application/octet-stream";
        if (!MediaTypeHeaderValue.TryParse(section.ContentType, out var mediaType) || mediaType.MediaType.Value?.Contains('/') != true)
        {
            throw Problems.Problems.MalformedRequest($"Part {partNumber} has an invalid Content-Type.");
        }
        var normalised = mediaType.ToString();
        if (normalised.Length > 255 || normalised.Any(char.IsControl))
        {
            throw Problems.Problems.MalformedRequest($"Part {partNumber} has an invalid Content-Type.");
        }
        return normalised;
    }

    private async Task<MultipartSection?> NextSectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw Problems.Problems.MalformedRequest($"The multipart body is malformed: {ex.Message}");
        }
        catch (IOException ex) when (RequestBody.EndedEarly(ex, cancellationToken))
        {
            throw Problems.Problems.MalformedRequest($"The multipart body ended early: {ex.Message}");
        }
    }

    private static ContentDispositionHeaderValue? Disposition(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var value)
        && value.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) ? value : null;

    private static async Task<byte[]> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + n > limit) throw Problems.Problems.MalformedRequest($"The metadata part exceeds {limit} bytes.");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    // Keeps the name the sender gave, minus any path, so it cannot steer where a recipient saves it.
    // Text evidence cannot carry or that could forge what the recipient reads (control characters, a
    // right-to-left override turning "cod.exe" into "exe.doc") is refused rather than stored.
    private static string SafeFileName(string fileName)
    {
        if (TextRules.FreeTextProblem(fileName) is { } problem) throw Problems.Problems.MalformedRequest($"An attachment file name {problem}.");
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        if (name.Length == 0 || name is "." or "..") throw Problems.Problems.MalformedRequest("An attachment file name is empty.");
        return name.Truncate(255);
    }
}
