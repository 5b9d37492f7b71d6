using Erds.Persistence.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Erds.Submission.Authentication;

// One authorization policy per scope: an authenticated caller whose token holds it.
public static class ApiScopeAuthorization
{
    public static string PolicyName(string scope) => "scope:" + scope;

    public static IServiceCollection AddApiScopeAuthorization(this IServiceCollection services) =>
        services.AddAuthorization(options =>
        {
            foreach (var scope in ApiScopes.All)
            {
                options.AddPolicy(PolicyName(scope), policy => policy.RequireAuthenticatedUser().RequireClaim(CallerClaims.Scope, scope));
            }
        });

    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        if (!ApiScopes.All.Contains(scope)) throw new ArgumentException($"Unknown scope '{scope}'.", nameof(scope));
        return builder.WithMetadata(new RequiredScope(scope)).RequireAuthorization(PolicyName(scope));
    }
}
