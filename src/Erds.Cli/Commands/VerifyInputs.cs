using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Erds.Evidence.Verification;

namespace Erds.Cli.Commands;

// The files that configure a verify run: roots, expected seals, revocation data, content. A problem with
// any of them is a usage error (exit code 1), said in one line.
internal static class VerifyInputs
{
    private const int MaxCertificateFileBytes = 1024 * 1024;
    private const int MaxRevocationFileBytes = 64 * 1024 * 1024;

    public static RevocationData Revocation(IReadOnlyList<FileInfo> crls, IReadOnlyList<FileInfo> ocsp)
    {
        var crlBytes = crls.Select(f => Read(f, "--crl", MaxRevocationFileBytes)).ToList();
        var ocspBytes = ocsp.Select(f => Read(f, "--ocsp", MaxRevocationFileBytes)).ToList();
        try
        {
            return RevocationData.From(crlBytes, ocspBytes);
        }
        catch (RevocationDataException e)
        {
            // The library numbers the items; the auditor wants the file, so find it by decoding each alone.
            for (var i = 0; i < crls.Count; i++) Decode(() => RevocationData.From([crlBytes[i]]), "--crl", crls[i]);
            for (var i = 0; i < ocsp.Count; i++) Decode(() => RevocationData.From([], [ocspBytes[i]]), "--ocsp", ocsp[i]);
            throw new CliError(e.Message);
        }
    }

    public static ContentCandidate Candidate(FileInfo file)
    {
        // Content may be large (attachments), so no size bound; but it must be a file that ends.
        if (RegularFile.Problem(file.FullName, out _) is { } problem)
            throw new CliError($"--content {file.FullName}: {problem}.");
        try
        {
            using var stream = file.OpenRead();
            return ContentCandidate.FromStream(file.Name, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"--content {file.FullName} cannot be read: {e.Message}");
        }
    }

    /// <summary>The certificates of a PEM (one or more) or DER (one) file: roots or expected seals.</summary>
    public static IReadOnlyList<X509Certificate2> Certificates(FileInfo file, string option)
    {
        var bytes = Read(file, option, MaxCertificateFileBytes);
        List<X509Certificate2> certificates;
        try
        {
            var text = Encoding.ASCII.GetString(bytes);
            if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
                return [X509CertificateLoader.LoadCertificate(bytes)];
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(text);
            certificates = [.. collection];
        }
        catch (CryptographicException e)
        {
            throw new CliError($"{option} {file.FullName} is not a PEM or DER certificate file: {e.Message}");
        }
        return certificates.Count > 0 ? certificates : throw new CliError($"{option} {file.FullName} holds no certificate.");
    }

    private static byte[] Read(FileInfo file, string option, int maxBytes)
    {
        var bytes = RegularFile.Read(file.FullName, maxBytes, out var problem);
        return problem is null ? bytes : throw new CliError($"{option} {file.FullName}: {problem}.");
    }

    private static void Decode(Func<RevocationData> decode, string option, FileInfo file)
    {
        try
        {
            decode();
        }
        catch (RevocationDataException e)
        {
            throw new CliError($"{option} {file.FullName}: {e.Message}");
        }
    }
}
