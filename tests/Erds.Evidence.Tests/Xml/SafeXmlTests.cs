using System.Net;
using System.Net.Sockets;
using System.Text;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class SafeXmlTests
{
    [Fact]
    public void Well_formed_xml_loads_with_its_whitespace_preserved()
    {
        const string Xml = "<r>\n  <a> x </a>\n\t<b></b>\n</r>";

        var document = SafeXml.Load(Encoding.UTF8.GetBytes(Xml));

        Assert.Equal(Xml, document.DocumentElement!.OuterXml);
    }

    [Fact]
    public void External_entity_to_a_local_file_is_refused_without_its_content_appearing()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"erds-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secretFile, "SECRET-CONTENT-7f3a");
        try
        {
            var xml = $"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{new Uri(secretFile)}">]><r>&xxe;</r>""";

            var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xml)));

            Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
            Assert.DoesNotContain("SECRET-CONTENT-7f3a", ex.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void External_entity_to_etc_hostname_is_refused()
    {
        const string Xml = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><r>&xxe;</r>""";

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(Xml)));

        Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
    }

    [Fact]
    public void External_entity_over_http_is_refused_without_connecting()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var xml = $"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/xxe">]><r>&xxe;</r>""";

            var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xml)));

            Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
            // A connection attempt would sit completed in the listen backlog by now.
            Assert.False(listener.Pending(), "The parser connected to the entity's URL.");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Billion_laughs_is_refused_before_any_expansion()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><lolz>&lol9;</lolz>";

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
    }

    [Fact]
    public void Doctype_without_any_entity_is_refused()
    {
        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load("<!DOCTYPE r><r/>"u8));

        Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Doctype_after_a_byte_order_mark_comment_and_declaration_is_refused()
    {
        byte[] xml = [0xEF, 0xBB, 0xBF, .. "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE r SYSTEM \"r.dtd\"><r/>"u8];

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(xml));

        Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
    }

    [Fact]
    public void Input_larger_than_the_limit_is_refused_before_parsing()
    {
        // Not XML at all: parsing it would have reported Malformed, so TooLarge proves no parse happened.
        var garbage = new byte[1025];

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(garbage, maxBytes: 1024));

        Assert.Equal(UnsafeXmlReason.TooLarge, ex.Reason);
        Assert.Contains("1025", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_input_larger_than_the_limit_is_refused_before_parsing()
    {
        var garbage = new byte[1025];

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(new ReadOnlySpan<byte>(garbage), maxBytes: 1024));

        Assert.Equal(UnsafeXmlReason.TooLarge, ex.Reason);
    }

    [Fact]
    public void Input_over_the_default_limit_of_1_MiB_is_refused()
    {
        var garbage = new byte[SafeXml.DefaultMaxBytes + 1];

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(garbage));

        Assert.Equal(UnsafeXmlReason.TooLarge, ex.Reason);
    }

    [Fact]
    public void Malformed_xml_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load("<r><a></r>"u8));

        Assert.Equal(UnsafeXmlReason.Malformed, ex.Reason);
        Assert.StartsWith("The XML input is not well-formed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_declaration_with_bytes_that_are_not_utf8_in_its_version_is_refused_as_malformed()
    {
        // Found by `erds fuzz verify` (seed 20261202, input 308): the parser accepted it and XmlDocument threw ArgumentException.
        byte[] xml = [.. "<?xml version=\"1.0"u8, 0xF4, 0x90, 0x80, 0x80, .. "\" encoding=\"UTF-8\"?><r/>"u8];

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(xml));

        Assert.Equal(UnsafeXmlReason.Malformed, ex.Reason);
    }

    [Fact]
    public void Empty_input_is_refused_as_malformed()
    {
        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Array.Empty<byte>()));

        Assert.Equal(UnsafeXmlReason.Malformed, ex.Reason);
    }

    [Fact]
    public void Malformed_xml_mentioning_a_doctype_inside_the_root_is_reported_as_malformed()
    {
        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load("<r><!-- <!DOCTYPE r> --><a></r>"u8));

        Assert.Equal(UnsafeXmlReason.Malformed, ex.Reason);
    }
}
