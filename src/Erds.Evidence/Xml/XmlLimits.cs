namespace Erds.Evidence.Xml;

/// <summary>
/// How much untrusted XML <see cref="SafeXml"/> reads before it refuses the input. Every limit is checked
/// while the parser reads, node by node, so an input over a limit is refused before any tree is built
/// from it or anything walks it.
/// </summary>
/// <remarks>
/// The defaults leave a wide margin over real evidence. Measured on this provider's evidence, including
/// the largest the submission limits allow (50 recipients with identities and authentication, 100 parts):
/// at most 79 KB, 10 levels deep, 1,237 elements, 3,282 nodes, 4 attributes on one element, names of
/// 33 characters and namespace names of 37. Evidence of other providers, indented or at later XAdES
/// levels, stays within the same order of magnitude.
/// </remarks>
public sealed record XmlLimits
{
    /// <summary>
    /// The largest <see cref="MaxDepth"/> that may be configured. Code that walks a parsed tree
    /// (.NET's own <c>InnerText</c> and <c>WriteTo</c> among it) may recurse once per level, so the depth
    /// stays far below what a 1 MiB thread stack holds, whatever a caller configures.
    /// </summary>
    public const int MaxDepthCeiling = 256;

    /// <summary>The limits used unless a caller gives others.</summary>
    public static XmlLimits Default { get; } = new();

    /// <summary>
    /// Bytes of input: 1 MiB (real evidence: under 80 KB). Verifying costs about twenty times the input in
    /// allocations (the tree, the schema validation, the canonical form), so this bound keeps one hostile
    /// input within 64 MiB.
    /// </summary>
    public int MaxBytes { get; init; } = SafeXml.DefaultMaxBytes;

    /// <summary>Levels of nested elements, the document element being level 1: 64 (real evidence: 10). At most <see cref="MaxDepthCeiling"/>.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Elements in the document: 20,000 (real evidence: at most 1,237).</summary>
    public int MaxElements { get; init; } = 20_000;

    /// <summary>
    /// Nodes of every kind: elements, attributes (namespace declarations included), text, whitespace,
    /// CDATA, comments and processing instructions: 100,000 (real evidence: at most 3,282).
    /// </summary>
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>Attributes on one element, namespace declarations included: 64 (real evidence: 4).</summary>
    public int MaxAttributesPerElement { get; init; } = 64;

    /// <summary>Characters in the qualified name of an element, an attribute or a processing instruction: 256 (real evidence: 33).</summary>
    public int MaxNameLength { get; init; } = 256;

    /// <summary>Characters in a namespace name (URI): 1,024 (real evidence: 37).</summary>
    public int MaxNamespaceLength { get; init; } = 1024;

    /// <summary>Throws when a limit is not positive or <see cref="MaxDepth"/> is above <see cref="MaxDepthCeiling"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, MaxDepthCeiling);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxElements);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNodes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAttributesPerElement);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNameLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNamespaceLength);
    }
}
