using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Erds.Submission.Authentication;

// The OpenAPI document states how to authenticate and which scope each operation needs, with the 401,
// 403 and 429 answers every protected operation can give.
public static class BearerOpenApi
{
    public const string SchemeId = "bearer";

    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options) => options
        .AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "erds_<credential id>_<secret>",
                Description = "An API token from the provider's operator. Each token has scopes (send, receive, evidence, administer) and an expiry; "
                    + "each operation names the scope it needs.",
            };
            return Task.CompletedTask;
        })
        .AddOperationTransformer((operation, context, _) =>
        {
            var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().FirstOrDefault()?.Scope;
            if (scope is null) return Task.CompletedTask;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [scope] }];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API token: WWW-Authenticate: Bearer, with error=\"invalid_token\" when one was given (problem+json)." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The token lacks the scope '{scope}': WWW-Authenticate: Bearer error=\"insufficient_scope\" (problem+json)." });
            operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests from this token or address, or (submissions) too many at once or the day's quota used up: wait as Retry-After says (problem+json)." });
            return Task.CompletedTask;
        });
}
