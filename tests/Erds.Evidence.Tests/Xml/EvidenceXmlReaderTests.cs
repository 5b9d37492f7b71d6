using System.Text;
using System.Xml;
using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EvidenceXmlReaderTests
{
    private static readonly string Full = Encoding.UTF8.GetString(
        EvidenceXml.ToBytes(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandoverFailure))));

    [Fact]
    public void Document_whose_root_is_not_Evidence_is_rejected()
    {
        var ex = Assert.Throws<EvidenceFormatException>(() => Read("<erds:RelayMetadata xmlns:erds=\"http://uri.etsi.org/19522/v1#\" version=\"1.2.1\"/>"));

        Assert.Contains("not 'Evidence' in namespace 'http://uri.etsi.org/19522/v1#'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_root_without_the_ETSI_namespace_is_rejected()
    {
        var ex = Assert.Throws<EvidenceFormatException>(() => Read("<Evidence version=\"1.2.1\"/>"));

        Assert.StartsWith("The document element is 'Evidence' (no namespace)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_event_uri_is_rejected()
    {
        var xml = Full.Replace("/Event/ContentHandoverFailure<", "/Event/ContentTeleported<", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("'http://uri.etsi.org/19522/Event/ContentTeleported' is not an event URI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_event_name_instead_of_its_uri_is_rejected()
    {
        var xml = Full.Replace("http://uri.etsi.org/19522/Event/ContentHandoverFailure<", "ContentHandoverFailure<", StringComparison.Ordinal);

        Assert.Throws<EvidenceFormatException>(() => Read(xml));
    }

    [Fact]
    public void Elements_out_of_schema_order_are_rejected()
    {
        var document = SafeXml.Load(Encoding.UTF8.GetBytes(Full));
        var root = document.DocumentElement!;
        root.InsertAfter(root.SelectSingleNode("*[local-name()='EventReasons']")!, root.SelectSingleNode("EventTime"));

        var ex = Assert.Throws<EvidenceFormatException>(() => EvidenceXmlReader.Read(document));

        Assert.Contains("found 'EventReasons' in namespace 'http://uri.etsi.org/19522/v1#' instead", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_time_in_the_ETSI_namespace_is_rejected()
    {
        var xml = Full.Replace("<EventTime>", "<erds:EventTime>", StringComparison.Ordinal).Replace("</EventTime>", "</erds:EventTime>", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("lacks 'EventTime' (no namespace)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Element_the_model_cannot_hold_is_rejected_rather_than_dropped()
    {
        var xml = Full.Replace("</erds:Evidence>", "<ForwardedToExternalSystem>smtp</ForwardedToExternalSystem></erds:Evidence>", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("'ForwardedToExternalSystem' (no namespace) is not expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_time_without_a_time_zone_is_rejected()
    {
        var xml = Full.Replace("<EventTime>2026-11-22T10:15:30.123Z<", "<EventTime>2026-11-22T10:15:30.123<", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("EventTime '2026-11-22T10:15:30.123' is not an xs:dateTime with a time zone", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Composing_parts_that_disagree_with_the_parts_listed_are_rejected()
    {
        var xml = Full.Replace("<ComposingParts>3<", "<ComposingParts>4<", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("ComposingParts says 4 part(s) but PartsInfo lists 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_event_without_reasons_is_rejected()
    {
        var document = SafeXml.Load(Encoding.UTF8.GetBytes(Full));
        document.DocumentElement!.RemoveChild(document.DocumentElement.SelectSingleNode("*[local-name()='EventReasons']")!);

        var ex = Assert.Throws<EvidenceFormatException>(() => EvidenceXmlReader.Read(document));

        Assert.Contains("ContentHandoverFailure is a negative event", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_algorithm_other_than_sha256_is_rejected()
    {
        var xml = Full.Replace("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2000/09/xmldsig#sha1", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("only 'http://www.w3.org/2001/04/xmlenc#sha256' is supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_schema_version_is_rejected()
    {
        var xml = Full.Replace("version=\"1.2.1\"", "version=\"9.9.9\"", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("'9.9.9'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_where_only_elements_are_allowed_is_rejected()
    {
        var xml = Full.Replace("<EventTime>", "stray text<EventTime>", StringComparison.Ordinal);

        var ex = Assert.Throws<EvidenceFormatException>(() => Read(xml));

        Assert.Contains("has text where only elements are allowed", ex.Message, StringComparison.Ordinal);
    }

    private static EvidenceDocument Read(string xml) => EvidenceXmlReader.Read(SafeXml.Load(Encoding.UTF8.GetBytes(xml)));
}
