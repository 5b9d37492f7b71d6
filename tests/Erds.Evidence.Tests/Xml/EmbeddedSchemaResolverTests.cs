using System.Xml;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EmbeddedSchemaResolverTests
{
    private readonly EmbeddedSchemaResolver resolver = new();

    [Theory]
    [InlineData("xml.xsd")]
    [InlineData("xmldsig-core-schema.xsd")]
    [InlineData("saml-schema-assertion-2.0.xsd")]
    [InlineData("xenc-schema.xsd")]
    public void Imports_of_the_ETSI_schema_are_served_from_the_assembly(string schemaLocation)
    {
        var uri = resolver.ResolveUri(EmbeddedSchemaResolver.MainSchemaUri, schemaLocation);

        using var stream = (Stream)resolver.GetEntity(uri, role: null, typeof(Stream));

        Assert.True(stream.Length > 0);
    }

    [Theory]
    [InlineData("http://www.w3.org/2001/xml.xsd")]
    [InlineData("file:///etc/hostname")]
    [InlineData("../../etc/hostname")]
    [InlineData("unknown.xsd")]
    public void Anything_but_an_embedded_schema_file_is_refused(string schemaLocation)
    {
        var uri = resolver.ResolveUri(EmbeddedSchemaResolver.MainSchemaUri, schemaLocation);

        Assert.Throws<XmlException>(() => resolver.GetEntity(uri, role: null, typeof(Stream)));
    }
}
