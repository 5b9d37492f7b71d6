using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

public sealed class EvidenceXmlSerializationTests
{
    [Fact]
    public void Bytes_are_utf8_without_byte_order_mark_and_start_with_the_declaration()
    {
        var bytes = EvidenceXml.ToBytes(EvidenceXmlWriter.Write(EvidenceSamples.Minimal()));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><erds:Evidence ", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal((byte)'<', bytes[0]);
    }

    [Fact]
    public void Bytes_of_a_written_document_contain_no_line_breaks()
    {
        var bytes = EvidenceXml.ToBytes(EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover)));

        Assert.DoesNotContain((byte)'\n', bytes);
    }

    [Fact]
    public void Saving_a_written_document_does_not_indent_it()
    {
        var document = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover));
        using var stream = new MemoryStream();

        document.Save(stream);

        Assert.DoesNotContain("\n ", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Loaded_pretty_printed_document_is_written_back_byte_for_byte()
    {
        var original = File.ReadAllBytes(RepositoryFiles.ExampleMinimalEvidence);

        var bytes = EvidenceXml.ToBytes(SafeXml.Load(original));

        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Declaration_of_another_encoding_is_replaced_by_the_utf8_one()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml("<?xml version=\"1.0\" encoding=\"utf-16\"?><r>é</r>");

        var bytes = EvidenceXml.ToBytes(document);

        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>é</r>", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Carriage_returns_and_special_characters_in_text_survive_serialization()
    {
        const string Details = "line one\r\nline two\ttab & <angle> \"quote\" ]]> é 𝄞";
        var evidence = EvidenceSamples.Full(EvidenceEvent.SubmissionRejection) with { Reasons = [EventReason.PolicyViolation(Details)] };

        var reloaded = SafeXml.Load(EvidenceXml.ToBytes(EvidenceXmlWriter.Write(evidence)));

        Assert.Equal(Details, reloaded.SelectSingleNode("//Details")!.InnerText);
    }

    [Theory]
    [InlineData(typeof(XmlDsigExcC14NTransform))]
    [InlineData(typeof(XmlDsigC14NTransform))]
    public void Canonical_form_of_the_written_document_equals_that_of_its_reloaded_bytes(Type transformType)
    {
        var written = EvidenceXmlWriter.Write(EvidenceSamples.Full(EvidenceEvent.ContentHandover));
        var reloaded = SafeXml.Load(EvidenceXml.ToBytes(written));

        Assert.Equal(Canonicalize(written, transformType), Canonicalize(reloaded, transformType));
    }

    private static string Canonicalize(XmlDocument document, Type transformType)
    {
        var transform = (Transform)Activator.CreateInstance(transformType)!;
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var reader = new StreamReader(output, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
