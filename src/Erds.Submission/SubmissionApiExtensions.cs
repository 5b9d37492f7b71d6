using Erds.Submission.AccessLog;
using Erds.Submission.Authentication;
using Erds.Submission.Inbox;
using Erds.Submission.Limits;
using Erds.Submission.Messages.Read;
using Erds.Submission.Messages.Submit;
using Erds.Submission.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Erds.Submission;

public static class SubmissionApiExtensions
{
    public static IHostApplicationBuilder AddSubmissionApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section)
            .Validate(o => o.MaxMessageBytes > 0 && o.MaxParts > 0 && o.MaxRecipients > 0, "Submission limits must be positive.")
            .Validate(o => o.DefaultExpiry > TimeSpan.Zero && o.DefaultExpiry <= o.MaxExpiry, "DefaultExpiry must be positive and at most MaxExpiry.")
            .Validate(o => o.CredentialCacheDuration >= TimeSpan.Zero && o.CredentialCacheDuration <= TimeSpan.FromMinutes(5),
                "CredentialCacheDuration must be between zero and five minutes: it is how long a revoked token still works.")
            .ValidateOnStart();
        builder.Services.AddSubmissionLimits();
        builder.Services.AddSingleton<CredentialCache>();
        builder.Services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddApiScopeAuthorization();
        builder.Services.AddSingleton<AccessRecorder>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton<SubmissionMetrics>();
        builder.Services.AddScoped<MessageSubmissionService>();
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddSingleton<ContentResponseWriter>();
        builder.Services.AddOpenApi("v1", options => options.AddBearerSecurity().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ErdsService API",
                Version = "v1",
                Description = "Registered delivery (ETSI EN 319 522): senders submit and follow messages and fetch their sealed evidence; "
                    + "recipients list, accept or refuse, and retrieve. Authenticate with 'Authorization: Bearer erds_...'. "
                    + "Errors are RFC 9457 problem+json.",
            };
            document.Servers = [];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapSubmissionApi(this WebApplication app)
    {
        app.UseMiddleware<ApiResponseHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseMiddleware<CallerLogScope>();
        app.UseRateLimiter();
        app.UseMiddleware<ApiRequiresAuthentication>();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("ERDS");
        api.MapSubmitMessage();
        api.MapMessageReads();
        api.MapInbox();
        api.MapAccessLog();
        return app;
    }
}
