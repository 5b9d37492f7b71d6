using System.Xml;
using System.Xml.Schema;

namespace Erds.Evidence.Xml;

/// <summary>
/// The ETSI EN 319 522-3 schema set with its imports (XML-DSig, SAML 2.0, XML Encryption, xml.xsd),
/// compiled once from the embedded resources. A compiled set is only read while validating, so one
/// instance serves every thread.
/// </summary>
internal static class EvidenceSchemaSet
{
    private static readonly Lazy<XmlSchemaSet> Compiled = new(Compile, LazyThreadSafetyMode.ExecutionAndPublication);

    public static XmlSchemaSet Instance => Compiled.Value;

    private static XmlSchemaSet Compile()
    {
        var schemas = new XmlSchemaSet { XmlResolver = new EmbeddedSchemaResolver() };
        // A warning while compiling (an import that could not be loaded) would leave types undeclared and
        // make validation lax where it must be strict, so every message is fatal here.
        ValidationEventHandler failOnAnyMessage = (_, e) =>
            throw new InvalidOperationException($"The embedded ETSI schema set does not compile: {e.Message}", e.Exception);
        schemas.ValidationEventHandler += failOnAnyMessage;

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var reader = XmlReader.Create(EmbeddedSchemaResolver.Open(EmbeddedSchemaResolver.MainSchemaUri), settings, EmbeddedSchemaResolver.MainSchemaUri.AbsoluteUri))
        {
            schemas.Add(targetNamespace: null, reader);
        }

        schemas.Compile();
        // The handler is for compiling only; messages about documents go to each validation's own handler.
        schemas.ValidationEventHandler -= failOnAnyMessage;
        return schemas;
    }
}
