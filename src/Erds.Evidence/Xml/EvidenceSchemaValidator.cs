using System.Xml;
using System.Xml.Schema;

namespace Erds.Evidence.Xml;

/// <summary>
/// Validates evidence documents against the ETSI EN 319 522-3 schema set embedded in this assembly.
/// The set is compiled once and shared; validation is safe from any number of threads.
/// </summary>
/// <remarks>
/// Nothing is fetched: the schemas come only from the embedded resources, and <c>xsi:schemaLocation</c>
/// hints in a document are ignored. Content under <c>xs:any processContents="lax"</c> for which no schema
/// is known, such as the XAdES <c>QualifyingProperties</c> inside <c>ds:Signature/ds:Object</c>, is
/// accepted. The document element must be <c>erds:Evidence</c>; any other root is an error (otherwise
/// an unknown root would only earn a warning and pass).
/// </remarks>
public static class EvidenceSchemaValidator
{
    /// <summary>Validates <paramref name="document"/> as it would be serialized by <see cref="EvidenceXml.ToBytes"/>.</summary>
    /// <returns>The violations, with line information of the serialized form; empty when the document is valid.</returns>
    public static IReadOnlyList<EvidenceSchemaError> Validate(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Validating the serialized bytes, not the DOM, checks exactly what gets stored and yields line info.
        return Validate(EvidenceXml.ToBytes(document));
    }

    /// <summary>Validates serialized evidence.</summary>
    /// <returns>The violations with their line and position; empty when the document is valid.</returns>
    /// <exception cref="UnsafeXmlException">The bytes carry a DTD or are not well-formed XML.</exception>
    public static IReadOnlyList<EvidenceSchemaError> Validate(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var errors = new List<EvidenceSchemaError>();
        var settings = HardenedXmlReaderSettings.Create(maxCharacters: xml.Length);
        settings.ValidationType = ValidationType.Schema;
        // Not ProcessSchemaLocation nor ProcessInlineSchema: the document must not choose its own schema.
        settings.ValidationFlags = XmlSchemaValidationFlags.ProcessIdentityConstraints | XmlSchemaValidationFlags.AllowXmlAttributes;
        settings.Schemas = EvidenceSchemaSet.Instance;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error) errors.Add(ToError(e.Message, e.Exception));
        };

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
            var rootSeen = false;
            while (reader.Read())
            {
                if (rootSeen || reader.NodeType != XmlNodeType.Element) continue;
                rootSeen = true;
                if (reader.LocalName != "Evidence" || reader.NamespaceURI != EvidenceXmlNamespaces.Etsi)
                {
                    var lineInfo = (IXmlLineInfo)reader;
                    errors.Add(new EvidenceSchemaError(
                        $"The document element is '{reader.LocalName}' in namespace '{reader.NamespaceURI}', not 'Evidence' in '{EvidenceXmlNamespaces.Etsi}'.",
                        lineInfo.LineNumber, lineInfo.LinePosition));
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Refusal(ex, xml);
        }

        return errors;
    }

    /// <summary>Throws when <paramref name="document"/> is not valid.</summary>
    /// <exception cref="EvidenceSchemaException">The document violates the schema; the exception lists how.</exception>
    public static void EnsureValid(XmlDocument document) => ThrowIfAny(Validate(document));

    /// <summary>Throws when the serialized evidence is not valid.</summary>
    /// <exception cref="EvidenceSchemaException">The document violates the schema; the exception lists how.</exception>
    /// <exception cref="UnsafeXmlException">The bytes carry a DTD or are not well-formed XML.</exception>
    public static void EnsureValid(byte[] xml) => ThrowIfAny(Validate(xml));

    private static void ThrowIfAny(IReadOnlyList<EvidenceSchemaError> errors)
    {
        if (errors.Count > 0) throw new EvidenceSchemaException(errors);
    }

    private static EvidenceSchemaError ToError(string message, XmlSchemaException? exception) =>
        exception is { LineNumber: > 0 }
            ? new EvidenceSchemaError(message, exception.LineNumber, exception.LinePosition)
            : new EvidenceSchemaError(message, null, null);
}
