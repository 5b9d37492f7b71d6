using System.Security.Cryptography.X509Certificates;

namespace Erds.Evidence.Pki;

internal static class PemFiles
{
    public static X509Certificate2 ReadCertificate(string path)
    {
        var certificates = ReadCertificates(path);
        return certificates.Count == 1
            ? certificates[0]
            : throw new KeyMaterialException($"'{path}' must hold exactly one certificate; it holds {certificates.Count}.");
    }

    public static X509Certificate2Collection ReadCertificates(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new KeyMaterialException($"Cannot read certificates from '{path}': {e.Message}", e);
        }
        return certificates;
    }

    public static void WriteCertificate(string path, X509Certificate2 certificate) =>
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");

    public static void WritePrivateKey(string path, string pkcs8Pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation so the key is never readable by others, not even for an instant.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(pkcs8Pem);
        writer.Write('\n');
    }
}
