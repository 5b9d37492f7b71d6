using System.Security.Cryptography;
using System.Xml;
using Erds.Evidence.Signing;
using Erds.Evidence.Tests.TestSupport;
using Xunit;

namespace Erds.Evidence.Tests.Signing;

/// <summary>The canonicalizer walks without recursion: a document built in code may be of any depth.</summary>
public sealed class ExcC14NDepthTests
{
    [Fact]
    public void A_document_a_hundred_thousand_levels_deep_is_canonicalized_on_a_one_MiB_stack()
    {
        const int Levels = 100_000;
        var document = new XmlDocument { PreserveWhitespace = true };
        XmlNode parent = document;
        for (var i = 0; i < Levels; i++)
            parent = parent.AppendChild(document.CreateElement(i % 2 == 0 ? "p" : "q", "a", i % 3 == 0 ? "urn:x" : "urn:y"))!;
        parent.AppendChild(document.CreateTextNode("deep"));

        var canonical = SmallStack.Run(() => ExcC14N.DocumentWithout(document, null));

        var text = System.Text.Encoding.UTF8.GetString(canonical);
        Assert.StartsWith("<p:a xmlns:p=\"urn:x\"><q:a xmlns:q=\"urn:y\"><p:a xmlns:p=\"urn:y\">", text);
        Assert.Contains(">deep</", text);
        Assert.EndsWith("</p:a>", text);
        Assert.Equal(SHA256.HashData(canonical), SHA256.HashData(ExcC14N.Element(document.DocumentElement!)));
    }
}
