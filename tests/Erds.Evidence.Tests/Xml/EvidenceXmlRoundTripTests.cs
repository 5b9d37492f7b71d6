using System.Text;
using System.Xml;
using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EvidenceXmlRoundTripTests
{
    [Theory]
    [ClassData(typeof(EventNames))]
    public void Write_then_load_then_read_gives_an_equal_document_for_every_event(string eventName)
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.Parse(eventName));

        var read = EvidenceXmlReader.Read(SafeXml.Load(EvidenceXml.ToBytes(EvidenceXmlWriter.Write(evidence))));

        EvidenceAssert.Equal(evidence, read);
    }

    [Fact]
    public void Minimal_document_round_trips()
    {
        var evidence = EvidenceSamples.Minimal();

        var read = EvidenceXmlReader.Read(SafeXml.Load(EvidenceXml.ToBytes(EvidenceXmlWriter.Write(evidence))));

        EvidenceAssert.Equal(evidence, read);
    }

    [Fact]
    public void Signed_document_reads_as_the_evidence_without_its_signature()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.ContentHandover);
        var signed = DummySignature.AppendTo(EvidenceXmlWriter.Write(evidence));

        var read = EvidenceXmlReader.Read(SafeXml.Load(EvidenceXml.ToBytes(signed)));

        EvidenceAssert.Equal(evidence, read);
    }

    [Fact]
    public void Indented_document_reads_the_same_as_the_compact_one()
    {
        var evidence = EvidenceSamples.Full(EvidenceEvent.ContentConsignmentFailure);
        var indented = new StringBuilder();
        using (var writer = XmlWriter.Create(indented, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            EvidenceXmlWriter.Write(evidence).WriteTo(writer);
        }

        Assert.Contains("\n  <erds:EvidenceIdentifier>", indented.ToString(), StringComparison.Ordinal);

        var read = EvidenceXmlReader.Read(SafeXml.Load(Encoding.UTF8.GetBytes(indented.ToString())));

        EvidenceAssert.Equal(evidence, read);
    }

    [Fact]
    public void Times_are_read_as_the_same_instant_in_utc()
    {
        var evidence = EvidenceSamples.Minimal() with { EventTime = new DateTimeOffset(2026, 11, 22, 11, 15, 30, 123, TimeSpan.FromHours(1)) };

        var read = EvidenceXmlReader.Read(SafeXml.Load(EvidenceXml.ToBytes(EvidenceXmlWriter.Write(evidence))));

        Assert.Equal(evidence.EventTime, read.EventTime);
        Assert.Equal(TimeSpan.Zero, read.EventTime.Offset);
    }

    [Fact]
    public void Shared_minimal_example_reads_into_its_values()
    {
        var read = EvidenceXmlReader.Read(SafeXml.Load(File.ReadAllBytes(RepositoryFiles.ExampleMinimalEvidence)));

        Assert.Equal("ev-1", read.EvidenceIdentifier);
        Assert.Equal(EvidenceEvent.SubmissionAcceptance, read.Event);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), read.EventTime);
        Assert.Equal("Demo ERDS", read.Issuer.LegalName);
        Assert.Null(read.Issuer.SealCertificate);
        Assert.Equal("griffie@rechtspraak.example", read.Sender.Identifier);
        Assert.Equal("mailto", read.Sender.IdentifierScheme);
        Assert.Equal("kantoor@advocaat.example", Assert.Single(read.Recipients).Identifier);
        Assert.Empty(read.ContentParts);
    }
}
