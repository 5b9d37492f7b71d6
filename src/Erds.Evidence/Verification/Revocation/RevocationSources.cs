using Erds.Evidence.Timestamping;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509.Extension;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Erds.Evidence.Verification;

/// <summary>Where a certificate says its revocation status is published: CRL distribution points and OCSP responders.</summary>
/// <param name="CrlLocations">The CRL distribution points, as URLs (or a description when a point names no URL).</param>
/// <param name="OcspResponders">The OCSP responders of the authority information access extension.</param>
/// <param name="Problem">Why the extensions could not be read, when they could not.</param>
internal sealed record RevocationSources(IReadOnlyList<string> CrlLocations, IReadOnlyList<string> OcspResponders, string? Problem)
{
    public bool Any => CrlLocations.Count > 0 || OcspResponders.Count > 0;

    public static RevocationSources Of(BcCertificate certificate)
    {
        try
        {
            return new RevocationSources(CrlLocationsOf(certificate), OcspRespondersOf(certificate), null);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e))
        {
            return new RevocationSources([], [], $"its revocation source extensions cannot be decoded: {e.Message}");
        }
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (CrlLocations.Count > 0) parts.Add($"CRL distribution point {string.Join(", ", CrlLocations)}");
        if (OcspResponders.Count > 0) parts.Add($"OCSP responder {string.Join(", ", OcspResponders)}");
        return string.Join(" and ", parts);
    }

    private static List<string> CrlLocationsOf(BcCertificate certificate)
    {
        if (certificate.GetExtensionValue(X509Extensions.CrlDistributionPoints) is not { } value) return [];
        var locations = new List<string>();
        foreach (var point in CrlDistPoint.GetInstance(X509ExtensionUtilities.FromExtensionValue(value)).GetDistributionPoints())
        {
            var uris = Uris(point.DistributionPointName);
            locations.AddRange(uris.Count > 0 ? uris : ["(a distribution point without a URL)"]);
        }
        return locations;
    }

    private static List<string> OcspRespondersOf(BcCertificate certificate)
    {
        if (certificate.GetExtensionValue(X509Extensions.AuthorityInfoAccess) is not { } value) return [];
        return AuthorityInformationAccess.GetInstance(X509ExtensionUtilities.FromExtensionValue(value)).GetAccessDescriptions()
            .Where(d => d.AccessMethod.Equals(AccessDescription.IdADOcsp))
            .Select(d => d.AccessLocation.TagNo == GeneralName.UniformResourceIdentifier
                ? DerIA5String.GetInstance(d.AccessLocation.Name).GetString()
                : "(a responder without a URL)")
            .ToList();
    }

    /// <summary>The URLs of a distribution point's full name; none for a relative name or no name.</summary>
    public static List<string> Uris(DistributionPointName? name) =>
        name is { Type: DistributionPointName.FullName }
            ? GeneralNames.GetInstance(name.Name).GetNames()
                .Where(n => n.TagNo == GeneralName.UniformResourceIdentifier)
                .Select(n => DerIA5String.GetInstance(n.Name).GetString())
                .ToList()
            : [];
}
