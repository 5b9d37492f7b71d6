using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml;
using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EvidenceSchemaValidatorTests
{
    [Theory]
    [ClassData(typeof(EventNames))]
    public void Writer_output_for_every_event_validates_against_the_schema(string eventName)
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.Parse(eventName)));

        Assert.Empty(EvidenceSchemaValidator.Validate(document));
    }

    [Fact]
    public void Minimal_document_validates()
    {
        Assert.Empty(EvidenceSchemaValidator.Validate(EvidenceXmlWriter.Write(EvidenceSamples.Minimal())));
    }

    [Fact]
    public void Shared_minimal_example_validates()
    {
        Assert.Empty(EvidenceSchemaValidator.Validate(File.ReadAllBytes(RepositoryFiles.ExampleMinimalEvidence)));
    }

    [Fact]
    public void Wrong_element_order_is_reported()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.SubmissionRejection));
        var root = document.DocumentElement!;
        var reasons = root.SelectSingleNode("*[local-name()='EventReasons']")!;
        root.InsertAfter(reasons, root.SelectSingleNode("EventTime"));

        var errors = EvidenceSchemaValidator.Validate(document);

        Assert.Contains(errors, e => e.Message.Contains("'EventReasons'", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_event_time_is_reported()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());
        var root = document.DocumentElement!;
        root.RemoveChild(root.SelectSingleNode("EventTime")!);

        var errors = EvidenceSchemaValidator.Validate(document);

        Assert.Contains(errors, e => e.Message.Contains("EventTime", StringComparison.Ordinal));
    }

    [Fact]
    public void Event_time_in_the_ETSI_namespace_is_reported()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());
        var root = document.DocumentElement!;
        var eventTime = root.SelectSingleNode("EventTime")!;
        var qualified = document.CreateElement("erds", "EventTime", EvidenceXmlNamespaces.Etsi);
        qualified.InnerText = eventTime.InnerText;
        root.ReplaceChild(qualified, eventTime);

        var errors = EvidenceSchemaValidator.Validate(document);

        Assert.Contains(errors, e => e.Message.Contains("'EventTime' in namespace 'http://uri.etsi.org/19522/v1#'", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_carry_the_line_and_position_of_the_serialized_document()
    {
        var xml = File.ReadAllText(RepositoryFiles.ExampleMinimalEvidence).Replace("<EventTime>", "<Unexpected/><EventTime>", StringComparison.Ordinal);

        var error = Assert.Single(EvidenceSchemaValidator.Validate(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(5, error.LineNumber);
        Assert.Equal(4, error.LinePosition);
    }

    [Fact]
    public void Document_whose_root_is_not_Evidence_is_reported()
    {
        var errors = EvidenceSchemaValidator.Validate("<Evidence version=\"1.2.1\"/>"u8.ToArray());

        Assert.Contains(errors, e => e.Message.StartsWith("The document element is 'Evidence' in namespace ''", StringComparison.Ordinal));
    }

    [Fact]
    public void Signature_holding_xades_properties_in_an_object_is_accepted()
    {
        var document = DummySignature.AppendTo(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover)));

        Assert.Empty(EvidenceSchemaValidator.Validate(document));
    }

    [Fact]
    public void Signature_without_a_signature_value_is_reported()
    {
        var document = DummySignature.AppendTo(EvidenceXmlWriter.Write(EvidenceSamples.Minimal()), withSignatureValue: false);

        var errors = EvidenceSchemaValidator.Validate(document);

        Assert.Contains(errors, e => e.Message.Contains("SignatureValue", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_location_hints_in_the_document_are_not_fetched()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());
            var hint = document.CreateAttribute("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance");
            hint.Value = $"{EvidenceXmlNamespaces.Etsi} http://127.0.0.1:{port}/evil.xsd";
            document.DocumentElement!.SetAttributeNode(hint);

            var errors = EvidenceSchemaValidator.Validate(document);

            Assert.Empty(errors);
            Assert.False(listener.Pending(), "The validator connected to the schema location hint.");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void Bytes_with_a_dtd_are_refused()
    {
        var ex = Assert.Throws<UnsafeXmlException>(() => EvidenceSchemaValidator.Validate("<!DOCTYPE r><r/>"u8.ToArray()));

        Assert.Equal(UnsafeXmlReason.DocumentTypeDeclaration, ex.Reason);
    }

    [Fact]
    public void EnsureValid_throws_an_exception_listing_the_errors()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());
        document.DocumentElement!.RemoveChild(document.DocumentElement.SelectSingleNode("EventTime")!);

        var ex = Assert.Throws<EvidenceSchemaException>(() => EvidenceSchemaValidator.EnsureValid(document));

        Assert.NotEmpty(ex.Errors);
        Assert.Contains(ex.Errors[0].Message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_accepts_a_valid_document()
    {
        EvidenceSchemaValidator.EnsureValid(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.RelayFailure)));
    }

    [Fact]
    public void Validator_gives_the_same_answers_when_used_from_many_threads()
    {
        var valid = EvidenceXml.ToBytes(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover)));
        var invalidDocument = EvidenceXmlWriter.Write(EvidenceSamples.Minimal());
        invalidDocument.DocumentElement!.RemoveChild(invalidDocument.DocumentElement.SelectSingleNode("EventTime")!);
        var invalid = EvidenceXml.ToBytes(invalidDocument);

        var counts = new int[200];
        Parallel.For(0, counts.Length, i => counts[i] = EvidenceSchemaValidator.Validate(i % 2 == 0 ? valid : invalid).Count);

        var expectedInvalid = EvidenceSchemaValidator.Validate(invalid).Count;
        Assert.All(counts.Where((_, i) => i % 2 == 0), c => Assert.Equal(0, c));
        Assert.All(counts.Where((_, i) => i % 2 == 1), c => Assert.Equal(expectedInvalid, c));
    }
}
