using Erds.Submission.Problems;
using Microsoft.AspNetCore.Http;

namespace Erds.Submission.Limits;

public static class QuotaProblems
{
    public static ProblemException MessagesPerDay(int quota, TimeSpan untilTomorrow) =>
        new(StatusCodes.Status429TooManyRequests, "message-quota-exceeded", "Daily message quota used up",
            $"Your organisation has submitted its {quota} messages of today (UTC). Submit again after midnight UTC, or ask your provider for a higher quota.")
        {
            RetryAfter = untilTomorrow,
        };

    public static ProblemException StoredBytes(long quota) =>
        new(StatusCodes.Status403Forbidden, "storage-quota-exceeded", "Storage quota used up",
            $"Your organisation's stored content has reached its quota of {quota} bytes. Content is freed as recipients retrieve messages and retention ends; ask your provider for a higher quota.");
}
