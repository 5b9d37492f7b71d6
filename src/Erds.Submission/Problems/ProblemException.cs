namespace Erds.Submission.Problems;

// A request that cannot be served, with what the caller needs to fix it. Mapped to RFC 9457
// problem+json by ProblemExceptionHandler; never logged with request content.
public class ProblemException(int status, string slug, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    // Short machine-readable name, published as the problem type "urn:erds:problem:<slug>".
    public string Slug { get; } = slug;

    public string Title { get; } = title;

    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public string Type => "urn:erds:problem:" + Slug;

    // Sent as Retry-After (whole seconds, at least one) when the caller may succeed by waiting.
    public TimeSpan? RetryAfter { get; init; }
}
