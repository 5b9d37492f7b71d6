namespace Erds.Evidence.Verification;

/// <summary>Bytes handed over as revocation data are not a CRL or not a usable OCSP response; the message says which.</summary>
public sealed class RevocationDataException(string message, Exception? innerException = null) : Exception(message, innerException);
