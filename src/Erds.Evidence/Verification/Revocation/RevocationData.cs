using System.Text;
using Erds.Evidence.Timestamping;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace Erds.Evidence.Verification;

/// <summary>
/// Certificate revocation lists and OCSP responses the caller holds, for the verifier to judge revocation
/// with. The verifier never fetches anything: an auditor gives what the provider's CAs published (or what
/// was archived at the time), a server what it downloaded itself.
/// </summary>
public sealed class RevocationData
{
    private RevocationData(IReadOnlyList<X509Crl> crls, IReadOnlyList<BasicOcspResp> ocspResponses)
    {
        Crls = crls;
        OcspResponses = ocspResponses;
    }

    /// <summary>No revocation data: certificates that name a revocation source get a warning (or fail, when it is required).</summary>
    public static RevocationData None { get; } = new([], []);

    /// <summary>How many CRLs this holds.</summary>
    public int CrlCount => Crls.Count;

    /// <summary>How many OCSP responses this holds.</summary>
    public int OcspResponseCount => OcspResponses.Count;

    internal IReadOnlyList<X509Crl> Crls { get; }

    internal IReadOnlyList<BasicOcspResp> OcspResponses { get; }

    /// <summary>Decodes CRLs (DER, or PEM "X509 CRL") and OCSP responses (DER OCSPResponse, as <c>openssl ocsp -respout</c> writes).</summary>
    /// <remarks>Only decoding happens here; whether each one verifies, and for which certificate it speaks, is judged per evidence.</remarks>
    /// <exception cref="RevocationDataException">An item cannot be decoded, or an OCSP response is not a successful one.</exception>
    public static RevocationData From(IEnumerable<byte[]> crls, IEnumerable<byte[]>? ocspResponses = null)
    {
        ArgumentNullException.ThrowIfNull(crls);
        var parsedCrls = crls.Select((bytes, i) => Crl(bytes, i + 1)).ToList();
        var parsedOcsp = (ocspResponses ?? []).Select((bytes, i) => Ocsp(bytes, i + 1)).ToList();
        return new RevocationData(parsedCrls, parsedOcsp);
    }

    private static X509Crl Crl(byte[] bytes, int number)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return new X509Crl(FromPem(bytes, "X509 CRL") ?? bytes);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e) || e is Org.BouncyCastle.Security.GeneralSecurityException)
        {
            throw new RevocationDataException($"CRL {number} is not a certificate revocation list (DER or PEM): {e.Message}", e);
        }
    }

    private static BasicOcspResp Ocsp(byte[] bytes, int number)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        OcspResp response;
        try
        {
            response = new OcspResp(bytes);
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e))
        {
            throw new RevocationDataException($"OCSP response {number} is not a DER OCSPResponse: {e.Message}", e);
        }
        if (response.Status != OcspRespStatus.Successful)
            throw new RevocationDataException($"OCSP response {number} has status {response.Status}, not successful: it carries no certificate status.");
        try
        {
            return response.GetResponseObject() as BasicOcspResp
                ?? throw new RevocationDataException($"OCSP response {number} is not a basic OCSP response.");
        }
        catch (Exception e) when (BouncyCastleErrors.IsParseError(e) || e is OcspException)
        {
            throw new RevocationDataException($"OCSP response {number} cannot be decoded: {e.Message}", e);
        }
    }

    private static byte[]? FromPem(byte[] bytes, string label)
    {
        var text = Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN " + label + "-----", StringComparison.Ordinal)) return null;
        var fields = System.Security.Cryptography.PemEncoding.Find(text);
        if (text[fields.Label] != label)
            throw new RevocationDataException($"the PEM block is '{text[fields.Label]}', not '{label}'");
        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
