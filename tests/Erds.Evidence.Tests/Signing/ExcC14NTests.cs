using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Erds.Evidence.Signing;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

/// <summary>
/// ExcC14N canonicalizes by walking the DOM; its output must be exactly what .NET's canonicalizer
/// gives on the same DOM, fed the way .NET's own SignedXml feeds it (a whole document, or an element
/// copied into a document of its own with its in-scope namespace declarations).
/// </summary>
public sealed class ExcC14NTests
{
    // A default namespace, unused declarations on ancestors, a prefix declared far above its use, a
    // prefixed attribute, xml:lang, a carriage return and a tab in text, line breaks and a tab in an
    // attribute, characters to escape, an empty element, whitespace between elements, a comment and
    // processing instructions.
    private const string Tricky =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?note before the root?>\n" +
        "<e:Evidence xmlns:e=\"urn:e\" xmlns:unused=\"urn:unused\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xml:lang=\"nl\" version=\"1\">\n" +
        "  <Plain xmlns=\"urn:default\" b=\"2\" a=\"line&#xA;break&#xD;&#x9;tab\">Tom &amp; Jerry &lt;&gt; &#xD;\r\nend\t\"quoted\"</Plain>\n" +
        "  <e:Outer xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><!-- a comment -->\n" +
        "    <e:Inner xsi:type=\"e:Kind\" e:flag=\"yes\"><ds:DigestValue>abc=</ds:DigestValue><e:Empty/></e:Inner>\n" +
        "    <NoNamespace xmlns=\"\">x<?pi inside?><![CDATA[a <cdata> & ]]><?empty?></NoNamespace>\n" +
        "    <Defaulted xmlns=\"urn:other\"><Child a=\"1\" xmlns:e=\"urn:e2\" e:b=\"2\"/></Defaulted>\n" +
        "  </e:Outer>\n" +
        "  <ds:Signature><ds:SignedInfo>signed</ds:SignedInfo></ds:Signature>\n" +
        "</e:Evidence>\n<!-- after -->\n<?note after the root?>";

    [Fact]
    public void Each_element_is_canonicalized_as_the_canonicalizer_does_on_its_dom_copy()
    {
        var document = Load(Tricky);
        var elements = document.SelectNodes("//*")!.Cast<XmlElement>().ToList();
        Assert.True(elements.Count >= 9);
        foreach (var element in elements)
            Assert.Equal(Text(OnDomCopy(element)), Text(ExcC14N.Element(element)));
    }

    [Fact]
    public async Task Each_element_of_a_signed_evidence_is_canonicalized_as_the_canonicalizer_does_on_its_dom_copy()
    {
        using var pki = new TestSupport.TestPki();
        var signed = await TestSupport.SignedSample.CreateAsync(pki);
        foreach (var element in signed.SelectNodes("//*")!.Cast<XmlElement>())
            Assert.Equal(Text(OnDomCopy(element)), Text(ExcC14N.Element(element)));
        Assert.Equal(Text(OnDomWithout(signed, null)), Text(ExcC14N.DocumentWithout(signed, null)));
    }

    [Fact]
    public void The_document_without_an_element_is_canonicalized_as_the_canonicalizer_does_on_the_dom_without_it()
    {
        var document = Load(Tricky);
        foreach (var excluded in new[] { "//ds:Signature", "//e:Inner", "//ds:DigestValue" })
        {
            var element = (XmlElement)document.SelectSingleNode(excluded, Namespaces(document))!;
            var canonical = Text(ExcC14N.DocumentWithout(document, element));

            Assert.Equal(Text(OnDomWithout(document, element)), canonical);
            Assert.DoesNotContain(element.LocalName == "Signature" ? "SignedInfo" : element.LocalName == "Inner" ? "Empty" : "abc=", canonical);
        }
        Assert.Equal(Text(OnDomWithout(document, null)), Text(ExcC14N.DocumentWithout(document, null)));
    }

    [Fact]
    public void Carriage_returns_of_a_dom_built_in_code_are_digested_as_a_parser_reads_the_stored_bytes()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.AppendChild(document.CreateElement("e", "Evidence", "urn:e"))!;
        root.AppendChild(document.CreateElement("e", "Name", "urn:e"))!.InnerText = "line\r\nbreak";

        var canonical = Text(ExcC14N.DocumentWithout(document, null));

        Assert.Equal("<e:Evidence xmlns:e=\"urn:e\"><e:Name>line&#xD;\nbreak</e:Name></e:Evidence>", canonical);
        Assert.Equal(canonical, Text(OnDomWithout(document, null)));
    }

    [Fact]
    public void Cdata_and_processing_instructions_of_a_dom_built_in_code_are_digested_as_a_parser_reads_the_stored_bytes()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.AppendChild(document.CreateElement("e", "Evidence", "urn:e"))!;
        root.AppendChild(document.CreateCDataSection("a\r\nb\rc"));
        root.AppendChild(document.CreateProcessingInstruction("pi", "  x\r\ny"));
        root.AppendChild(document.CreateProcessingInstruction("empty", "   "));

        var canonical = Text(ExcC14N.DocumentWithout(document, null));

        Assert.Equal("<e:Evidence xmlns:e=\"urn:e\">a\nb\nc<?pi x\ny?><?empty?></e:Evidence>", canonical);
        Assert.Equal(Text(OnDomWithout(TestSupport.SampleEvidence.Load(Erds.Evidence.Xml.EvidenceXml.ToBytes(document)), null)), canonical);
    }

    [Fact]
    public void An_attribute_in_a_namespace_without_a_prefix_is_refused()
    {
        // Only a DOM built in code has one; written out it would get a prefix nobody signed.
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = (XmlElement)document.AppendChild(document.CreateElement("e", "Evidence", "urn:e"))!;
        root.SetAttribute("Id", "urn:x", "v");

        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => ExcC14N.DocumentWithout(document, null));
    }

    [Fact]
    public void The_document_is_left_as_it_was()
    {
        var document = Load(Tricky);
        var before = document.OuterXml;
        ExcC14N.DocumentWithout(document, (XmlElement)document.SelectSingleNode("//ds:Signature", Namespaces(document))!);
        ExcC14N.Element((XmlElement)document.SelectSingleNode("//e:Inner", Namespaces(document))!);
        Assert.Equal(before, document.OuterXml);
    }

    private static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.LoadXml(xml);
        return document;
    }

    private static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var manager = new XmlNamespaceManager(document.NameTable);
        manager.AddNamespace("e", "urn:e");
        manager.AddNamespace("ds", "http://www.w3.org/2000/09/xmldsig#");
        return manager;
    }

    // The reference: the element imported into a document of its own, every in-scope namespace
    // declaration of its ancestors copied onto it (as SignedXml prepares a same-document reference).
    private static byte[] OnDomCopy(XmlElement element)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var copy = (XmlElement)document.ImportNode(element, deep: true);
        document.AppendChild(copy);
        for (var ancestor = element.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (XmlAttribute attribute in ancestor.Attributes)
            {
                if (attribute.NamespaceURI == "http://www.w3.org/2000/xmlns/" && copy.GetAttributeNode(attribute.Name) is null)
                    copy.SetAttributeNode((XmlAttribute)document.ImportNode(attribute, deep: true));
            }
        }
        return Canonicalize(document);
    }

    // The reference: a deep clone of the document with the excluded element removed.
    private static byte[] OnDomWithout(XmlDocument document, XmlElement? excluded)
    {
        var clone = (XmlDocument)document.CloneNode(deep: true);
        if (excluded is not null)
        {
            var twin = (XmlElement)clone.SelectSingleNode(PathOf(excluded), Namespaces(clone))!;
            twin.ParentNode!.RemoveChild(twin);
        }
        return Canonicalize(clone);
    }

    private static string PathOf(XmlElement element) => element.LocalName switch
    {
        "Signature" => "//ds:Signature",
        "Inner" => "//e:Inner",
        "DigestValue" => "//ds:DigestValue",
        _ => throw new ArgumentOutOfRangeException(nameof(element)),
    };

    private static byte[] Canonicalize(XmlDocument document)
    {
        var transform = new XmlDsigExcC14NTransform(includeComments: false);
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Text(byte[] canonical) => Encoding.UTF8.GetString(canonical);
}
