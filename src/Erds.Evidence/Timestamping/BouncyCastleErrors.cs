namespace Erds.Evidence.Timestamping;

internal static class BouncyCastleErrors
{
    /// <summary>
    /// The exceptions BouncyCastle throws on malformed ASN.1 input. Untrusted bytes end here, so these
    /// become a verdict; anything else (a bug, out of memory) still propagates.
    /// </summary>
    public static bool IsParseError(Exception e) =>
        e is IOException or ArgumentException or InvalidCastException or InvalidOperationException
            or FormatException or IndexOutOfRangeException or Org.BouncyCastle.Cms.CmsException
            or Org.BouncyCastle.Tsp.TspException;
}
