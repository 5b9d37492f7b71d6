namespace Erds.Evidence.Model;

/// <summary>
/// One part of the user content (the body or an attachment) as evidence binds it: an identifier, its
/// content type and its SHA-256 digest (<c>PartInfo</c>).
/// </summary>
/// <param name="Identifier">The part identifier, unique within the message.</param>
/// <param name="ContentType">The MIME type as submitted.</param>
/// <param name="Sha256">The SHA-256 digest of the exact bytes submitted (32 bytes).</param>
public sealed record ContentPart(string Identifier, string ContentType, byte[] Sha256)
{
    /// <summary>The XML-DSig URI of the digest algorithm used for every part.</summary>
    public const string DigestMethod = "http://www.w3.org/2001/04/xmlenc#sha256";
}
