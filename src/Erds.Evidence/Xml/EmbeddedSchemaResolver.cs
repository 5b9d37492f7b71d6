using System.Xml;

namespace Erds.Evidence.Xml;

/// <summary>
/// Serves the ETSI schema files embedded in this assembly and nothing else: every other URI, whether
/// http, file or a name that is not embedded, is refused, so compiling the schema set can never touch
/// the network or the file system.
/// </summary>
internal sealed class EmbeddedSchemaResolver : XmlResolver
{
    public const string MainSchema = "19522-3-evidence.xsd";

    private const string ResourcePrefix = "Erds.Evidence.Schemas.";
    private static readonly Uri BaseUri = new("erds-embedded:///schemas/");

    public static Uri MainSchemaUri { get; } = new(BaseUri, MainSchema);

    public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
        new(baseUri ?? BaseUri, relativeUri ?? string.Empty);

    public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        if (ofObjectToReturn is not null && ofObjectToReturn != typeof(Stream))
        {
            throw new XmlException($"Only streams are served, not {ofObjectToReturn}.");
        }

        return Open(absoluteUri);
    }

    public static Stream Open(Uri absoluteUri)
    {
        var relative = BaseUri.MakeRelativeUri(absoluteUri).OriginalString;
        var isEmbeddedName = absoluteUri.Scheme == BaseUri.Scheme && relative.Length > 0
            && !relative.Contains('/', StringComparison.Ordinal) && !relative.Contains(':', StringComparison.Ordinal);
        var stream = isEmbeddedName
            ? typeof(EmbeddedSchemaResolver).Assembly.GetManifestResourceStream(ResourcePrefix + relative)
            : null;
        return stream ?? throw new XmlException($"'{absoluteUri}' is not one of the embedded ETSI schema files; nothing else is ever loaded.");
    }
}
