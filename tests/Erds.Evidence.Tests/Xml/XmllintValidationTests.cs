using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class XmllintValidationTests
{
    [Theory]
    [ClassData(typeof(EventNames))]
    public void Writer_output_for_every_event_validates_with_xmllint(string eventName)
    {
        var bytes = EvidenceXml.ToBytes(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.Parse(eventName))));

        var result = Xmllint.Validate(bytes);

        Assert.True(result.IsValid, result.Output);
    }

    [Fact]
    public void Minimal_document_validates_with_xmllint()
    {
        var result = Xmllint.Validate(EvidenceXml.ToBytes(EvidenceXmlWriter.Write(EvidenceSamples.Minimal())));

        Assert.True(result.IsValid, result.Output);
    }

    [Fact]
    public void Signed_document_with_xades_object_validates_with_xmllint()
    {
        var document = DummySignature.AppendTo(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover)));

        var result = Xmllint.Validate(EvidenceXml.ToBytes(document));

        Assert.True(result.IsValid, result.Output);
    }

    [Fact]
    public void Xmllint_rejects_event_time_in_the_ETSI_namespace()
    {
        // Proves the harness can fail: same mistake the .NET validator is tested against.
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());
        var root = document.DocumentElement!;
        var eventTime = root.SelectSingleNode("EventTime")!;
        var qualified = document.CreateElement("erds", "EventTime", EvidenceXmlNamespaces.Etsi);
        qualified.InnerText = eventTime.InnerText;
        root.ReplaceChild(qualified, eventTime);

        var result = Xmllint.Validate(EvidenceXml.ToBytes(document));

        Assert.False(result.IsValid, result.Output);
        Assert.Contains("EventTime", result.Output, StringComparison.Ordinal);
    }
}
