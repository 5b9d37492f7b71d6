using System.Globalization;
using System.Threading.RateLimiting;
using Erds.Submission.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Erds.Submission.Problems;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Limits;

// ASP.NET Core's rate limiter in front of the API, after authentication and before authorization:
// a caller with a valid credential is counted under that credential, anyone else under their address
// (failed authentications included, so that guessing tokens is slow), and an organisation's
// submissions being received at once are bounded. Health, OpenAPI and other non-API paths are not
// limited: orchestrators probe them.
public static class RequestRateLimits
{
    private const string ApiPrefix = "/api/";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((rate, limits) =>
        {
            var options = limits.Value;
            rate.GlobalLimiter = PartitionedRateLimiter.CreateChained(RequestRate(options), ConcurrentSubmissions(options));
            rate.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            rate.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, options, cancellationToken);
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> RequestRate(LimitsOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (!http.Request.Path.StartsWithSegments(ApiPrefix.TrimEnd('/'))) return RateLimitPartition.GetNoLimiter("not-api");
            var credential = http.User.FindFirst(CallerClaims.CredentialId)?.Value;
            return credential is not null
                ? Bucket("credential:" + credential, options.PerCredentialRequestsPerSecond, options.PerCredentialBurst)
                : Bucket("address:" + http.Connection.RemoteIpAddress, options.PerAddressRequestsPerSecond, options.PerAddressBurst);
        });

    private static PartitionedRateLimiter<HttpContext> ConcurrentSubmissions(LimitsOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var organisation = http.User.FindFirst(CallerClaims.OrganisationId)?.Value;
            if (options.ConcurrentSubmissionsPerOrganisation <= 0 || organisation is null || !IsSubmission(http))
                return RateLimitPartition.GetNoLimiter("not-a-submission");
            return RateLimitPartition.GetConcurrencyLimiter("submissions:" + organisation, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentSubmissionsPerOrganisation,
                QueueLimit = 0,
            });
        });

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) => perSecond <= 0
        ? RateLimitPartition.GetNoLimiter(key)
        : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, perSecond),
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    // Decided by the endpoint routing chose, not by the path: "/api/v1/messages/" reaches it too.
    private static bool IsSubmission(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<CountedAsSubmission>() is not null;

    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, LimitsOptions options, CancellationToken cancellationToken)
    {
        var concurrent = !lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var seconds = concurrent ? 1 : Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var authenticated = http.User.FindFirst(CallerClaims.CredentialId) is not null;
        var detail = concurrent
            ? $"Your organisation already has {options.ConcurrentSubmissionsPerOrganisation} submissions being received; send this one when one of them has finished."
            : authenticated
                ? $"This API token made more than {options.PerCredentialRequestsPerSecond} requests per second (bursts of {options.PerCredentialBurst}); retry after {seconds} s."
                : $"Too many requests without a valid API token from your address ({options.PerAddressRequestsPerSecond} per second); retry after {seconds} s.";
        await ProblemAnswers.WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = "urn:erds:problem:" + (concurrent ? "too-many-concurrent-submissions" : "rate-limited"),
            Title = concurrent ? "Too many submissions at once" : "Too many requests",
            Detail = detail,
        }, cancellationToken);
    }
}
