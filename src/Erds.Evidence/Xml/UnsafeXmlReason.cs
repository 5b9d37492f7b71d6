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

    /// <summary>Elements are nested deeper than <see cref="XmlLimits.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>The input has more elements than <see cref="XmlLimits.MaxElements"/>.</summary>
    TooManyElements,

    /// <summary>The input has more nodes of all kinds than <see cref="XmlLimits.MaxNodes"/>.</summary>
    TooManyNodes,

    /// <summary>An element has more attributes than <see cref="XmlLimits.MaxAttributesPerElement"/>.</summary>
    TooManyAttributes,

    /// <summary>A name is longer than <see cref="XmlLimits.MaxNameLength"/>.</summary>
    NameTooLong,

    /// <summary>A namespace name is longer than <see cref="XmlLimits.MaxNamespaceLength"/>.</summary>
    NamespaceTooLong,
}
