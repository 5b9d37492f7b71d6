using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>
/// Hands the nodes of another reader through unchanged, counting them as they pass: the element that
/// goes over a limit of <see cref="XmlLimits"/> is refused before its consumer (<see cref="XmlDocument.Load(XmlReader)"/>)
/// sees it, so no tree over the limits is ever built.
/// </summary>
internal sealed class LimitingXmlReader(XmlReader inner, XmlLimits limits) : XmlReader, IXmlLineInfo
{
    private readonly IXmlLineInfo? _lines = inner as IXmlLineInfo;
    private int _elements;
    private int _nodes;

    public override bool Read()
    {
        if (!inner.Read()) return false;
        switch (inner.NodeType)
        {
            case XmlNodeType.Element:
                CheckElement();
                break;
            case XmlNodeType.ProcessingInstruction:
                CheckName(inner.Name, "processing instruction");
                CountNode();
                break;
            case XmlNodeType.EndElement or XmlNodeType.EndEntity or XmlNodeType.None:
                break;
            default:
                CountNode();
                break;
        }
        return true;
    }

    private void CheckElement()
    {
        // Depth is 0 for the document element; a level is one more.
        var level = inner.Depth + 1;
        if (level > limits.MaxDepth)
            throw Refuse(UnsafeXmlReason.TooDeep, $"nests elements more than {limits.MaxDepth} levels deep");
        if (++_elements > limits.MaxElements)
            throw Refuse(UnsafeXmlReason.TooManyElements, $"has more than {limits.MaxElements} elements");
        CountNode();
        CheckName(inner.Name, "element");
        CheckNamespace(inner.NamespaceURI);
        var attributes = inner.AttributeCount;
        if (attributes > limits.MaxAttributesPerElement)
            throw Refuse(UnsafeXmlReason.TooManyAttributes, $"has an element with {attributes} attributes, more than the allowed {limits.MaxAttributesPerElement}");
        for (var i = 0; i < attributes; i++)
        {
            inner.MoveToAttribute(i);
            CountNode();
            CheckName(inner.Name, "attribute");
            CheckNamespace(inner.NamespaceURI);
            if (inner.NamespaceURI == "http://www.w3.org/2000/xmlns/")
                CheckNamespace(inner.Value);
        }
        if (attributes > 0) inner.MoveToElement();
    }

    private void CountNode()
    {
        if (++_nodes > limits.MaxNodes)
            throw Refuse(UnsafeXmlReason.TooManyNodes, $"has more than {limits.MaxNodes} nodes (elements, attributes, text, comments and processing instructions together)");
    }

    private void CheckName(string name, string kind)
    {
        if (name.Length > limits.MaxNameLength)
            throw Refuse(UnsafeXmlReason.NameTooLong, $"has an {kind} name of {name.Length} characters, more than the allowed {limits.MaxNameLength}");
    }

    private void CheckNamespace(string uri)
    {
        if (uri.Length > limits.MaxNamespaceLength)
            throw Refuse(UnsafeXmlReason.NamespaceTooLong, $"has a namespace name of {uri.Length} characters, more than the allowed {limits.MaxNamespaceLength}");
    }

    private UnsafeXmlException Refuse(UnsafeXmlReason reason, string what)
    {
        var where = _lines is { } l && l.HasLineInfo() ? $" (line {l.LineNumber}, position {l.LinePosition})" : "";
        return new UnsafeXmlException(reason, $"The XML input {what}{where}; it was refused while being read, before anything processed it.");
    }

    // Everything else is the inner reader's.
    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool HasValue => inner.HasValue;
    public override bool IsDefault => inner.IsDefault;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override char QuoteChar => inner.QuoteChar;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override string XmlLang => inner.XmlLang;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override XmlReaderSettings? Settings => inner.Settings;
    public override bool CanResolveEntity => inner.CanResolveEntity;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    public bool HasLineInfo() => _lines?.HasLineInfo() ?? false;
    public int LineNumber => _lines?.LineNumber ?? 0;
    public int LinePosition => _lines?.LinePosition ?? 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
