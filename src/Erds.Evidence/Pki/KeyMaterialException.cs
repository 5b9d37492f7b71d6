namespace Erds.Evidence.Pki;

/// <summary>
/// Key material is missing, inconsistent or unfit for sealing: no private key, an unsupported key type,
/// a key usage that does not allow signing, an expired certificate, or a development PKI that does not
/// match the configuration.
/// </summary>
public sealed class KeyMaterialException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and what to do.</summary>
    public KeyMaterialException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the failure that revealed the problem.</summary>
    public KeyMaterialException(string message, Exception innerException) : base(message, innerException) { }
}
