namespace Erds.Evidence.Xml;

/// <summary>Why <see cref="SafeXml"/> refused an input.</summary>
public enum UnsafeXmlReason
{
    /// <summary>The input is larger than the allowed maximum; it was not parsed at all.</summary>
    TooLarge,

    /// <summary>
    /// The input has a document type declaration. DTDs are refused outright because their entities can
    /// read files or the network (XXE) or expand without bound (billion laughs).
    /// </summary>
    DocumentTypeDeclaration,

    /// <summary>The input is not well-formed XML.</summary>
    Malformed,
}
