using System.Security.Cryptography;
using System.Xml;
using Erds.Evidence.Timestamping;

namespace Erds.Evidence.Signing;

/// <summary>
/// Seals an XML document with an enveloped XAdES baseline B-T signature (EN 319 132-1): exclusive
/// canonicalization, SHA-256, ECDSA or RSA by the seal's key type, SigningCertificateV2, and a signature
/// timestamp over the canonical ds:SignatureValue. The ds:Signature becomes the last child of the document element.
/// </summary>
/// <param name="seal">The provider's seal.</param>
/// <param name="timestamps">Where the signature timestamp comes from.</param>
public sealed class XadesSigner(ISealSigner seal, ITimestampClient timestamps)
{
    /// <summary>Signs <paramref name="document"/> in place; on failure the document is left unchanged.</summary>
    /// <param name="document">
    /// The document to seal, loaded or created with <see cref="XmlDocument.PreserveWhitespace"/> true so that saving
    /// it later does not re-indent (and so break) the signed content.
    /// </param>
    /// <param name="signingTime">The claimed signing time written into the signed properties.</param>
    /// <param name="cancellationToken">Cancels the timestamp request.</param>
    /// <exception cref="ArgumentException">The document has no element, does not preserve whitespace, or is already signed.</exception>
    /// <exception cref="TimestampException">No valid signature timestamp could be obtained.</exception>
    public async Task SignAsync(XmlDocument document, DateTimeOffset signingTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.DocumentElement ?? throw new ArgumentException("The document has no document element.", nameof(document));
        if (!document.PreserveWhitespace)
            throw new ArgumentException("Set PreserveWhitespace = true before loading or building the document; saving would otherwise reformat the signed content.", nameof(document));
        if (document.GetElementsByTagName("Signature", XadesNames.DsNamespace).Count > 0)
            throw new ArgumentException("The document already contains a ds:Signature; this profile allows exactly one.", nameof(document));

        var contentDigest = SHA256.HashData(ExcC14N.DocumentWithout(document, null));
        var parts = XadesSignatureBuilder.Build(document, seal, signingTime, contentDigest);
        parts.SignedPropertiesDigest.InnerText = Convert.ToBase64String(SHA256.HashData(ExcC14N.Element(parts.SignedProperties)));
        parts.SignatureValue.InnerText = Convert.ToBase64String(seal.SignSha256(ExcC14N.Element(parts.SignedInfo)));

        var imprint = SHA256.HashData(ExcC14N.Element(parts.SignatureValue));
        var token = await timestamps.GetTokenAsync(imprint, cancellationToken).ConfigureAwait(false);
        parts.QualifyingProperties.AppendChild(XadesSignatureBuilder.SignatureTimeStamp(document, parts.Id, token));

        // Appended only now: a failed timestamp leaves the caller's document as it was.
        root.AppendChild(parts.Signature);
    }
}
