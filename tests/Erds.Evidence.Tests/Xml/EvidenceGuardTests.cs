using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EvidenceGuardTests
{
    [Fact]
    public void Negative_event_without_a_reason_is_refused()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionRejection) with { Reasons = [] };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains("SubmissionRejection is a negative event", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Positive_event_without_a_reason_is_written()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionAcceptance) with { Reasons = [] };

        Assert.NotNull(EvidenceXmlWriter.Write(evidence));
    }

    [Fact]
    public void Evidence_without_recipients_is_refused()
    {
        var evidence = EvidenceSamples.Minimal() with { Recipients = [] };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains("at least one recipient", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void RefersToRecipient_outside_the_recipients_is_refused(int position)
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.ContentHandover) with { RefersToRecipient = position };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains($"RefersToRecipient is {position}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RefersToRecipient_within_the_recipients_is_written(int position)
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.ContentHandover) with { RefersToRecipient = position };

        Assert.NotNull(EvidenceXmlWriter.Write(evidence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Digest_that_is_not_32_bytes_is_refused(int length)
    {
        var evidence = EvidenceSamples.Minimal() with { ContentParts = [new ContentPart("body", "text/plain", new byte[length])] };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains($"'body' has a {length}-byte digest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_layer_identifier_without_content_parts_is_refused()
    {
        var evidence = EvidenceSamples.Minimal() with { AppLayerIdentifier = "case-1" };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains("AppLayerIdentifier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_party_identifier_is_refused()
    {
        var evidence = EvidenceSamples.Minimal() with { Sender = new PartyDetails { Identifier = "", IdentifierScheme = "mailto" } };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains("Sender.Identifier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_character_xml_cannot_carry_is_refused()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionRejection) with { Reasons = [EventReason.Malfunction("disk\0full")] };

        var ex = Assert.Throws<ArgumentException>(() => EvidenceXmlWriter.Write(evidence));

        Assert.Contains("Details", ex.Message, StringComparison.Ordinal);
    }
}
