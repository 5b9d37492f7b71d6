using Erds.Evidence.Verification;
using Erds.Evidence.Pki;
using Erds.Evidence.Timestamping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Erds.EvidenceService;

internal static class TimestampClientFactory
{
    // An external TSA when one is configured (production: a qualified one); otherwise the built-in
    // authority of the development PKI.
    public static ITimestampClient Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EvidenceServiceOptions>>().Value;
        if (options.TimestampAuthorityUrl is { } url)
        {
            var roots = options.TimestampAuthorityRootsPath is { } path
                ? TrustAnchors.ReadPem(path)
                : throw new KeyMaterialException("Erds:Evidence:TimestampAuthorityRootsPath is required with an external timestamp authority.");
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpTimestampClient));
            return new HttpTimestampClient(http, url, roots);
        }
        var keys = services.GetRequiredService<ProviderKeys>();
        var development = keys.Development
            ?? throw new KeyMaterialException("With KeySource 'Files' an external timestamp authority (Erds:Evidence:TimestampAuthorityUrl) is required.");
        return new BuiltInTimestampAuthority(development.TsaCertificate, [development.RootCertificate], services.GetRequiredService<TimeProvider>());
    }
}
