using System.Text;
using Erds.Evidence.Tests.TestSupport;
using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

/// <summary>Each limit of <see cref="XmlLimits"/>: the input at the limit loads, one more is refused with its reason, while reading.</summary>
public sealed class SafeXmlLimitTests
{
    private static readonly XmlLimits Small = new()
    {
        MaxBytes = 64 * 1024, MaxDepth = 8, MaxElements = 50, MaxNodes = 120, MaxAttributesPerElement = 5, MaxNameLength = 20, MaxNamespaceLength = 40,
    };

    [Fact]
    public void Nesting_at_the_depth_limit_loads_and_one_level_more_is_refused()
    {
        SafeXml.Load(Bytes(Nest(8)), Small);

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes(Nest(9)), Small));

        Assert.Equal(UnsafeXmlReason.TooDeep, ex.Reason);
        Assert.Contains("more than 8 levels deep", ex.Message);
        Assert.Contains("line 1, position 26", ex.Message);
    }

    [Fact]
    public void Unclosed_nesting_is_refused_as_too_deep_before_the_parser_reaches_the_end()
    {
        // Malformed after the deep part: the depth refusal proves the limit struck while reading.
        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes(string.Concat(Enumerable.Repeat("<a>", 100)) + "<"), Small));

        Assert.Equal(UnsafeXmlReason.TooDeep, ex.Reason);
    }

    [Fact]
    public void Elements_at_the_count_limit_load_and_one_more_is_refused()
    {
        SafeXml.Load(Bytes(Siblings(49)), Small);

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes(Siblings(50)), Small));

        Assert.Equal(UnsafeXmlReason.TooManyElements, ex.Reason);
    }

    [Fact]
    public void Comments_processing_instructions_and_text_count_as_nodes()
    {
        SafeXml.Load(Bytes("<r>" + string.Concat(Enumerable.Repeat("<!--c-->", 119)) + "</r>"), Small);

        foreach (var node in new[] { "<!--c-->", "<?p?>", "t<!---->" })
        {
            var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes("<r>" + string.Concat(Enumerable.Repeat(node, 120)) + "</r>"), Small));
            Assert.Equal(UnsafeXmlReason.TooManyNodes, ex.Reason);
        }
    }

    [Fact]
    public void Attributes_at_the_limit_load_and_one_more_is_refused_namespace_declarations_included()
    {
        SafeXml.Load(Bytes("<r a='1' b='2' c='3' d='4' xmlns:p='urn:p'/>"), Small);

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes("<r a='1' b='2' c='3' d='4' e='5' xmlns:p='urn:p'/>"), Small));

        Assert.Equal(UnsafeXmlReason.TooManyAttributes, ex.Reason);
        Assert.Contains("more than 5 attributes", ex.Message);
    }

    [Theory]
    [InlineData("<{0}/>")]
    [InlineData("<r {0}='1'/>")]
    [InlineData("<r><?{0} data?></r>")]
    [InlineData("<p:{0} xmlns:p='urn:p'/>")]
    public void Names_longer_than_the_limit_are_refused(string template)
    {
        SafeXml.Load(Bytes(string.Format(template, new string('n', 16))), Small);

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes(string.Format(template, new string('n', 21))), Small));

        Assert.Equal(UnsafeXmlReason.NameTooLong, ex.Reason);
    }

    [Theory]
    [InlineData("<r xmlns='{0}'/>")]
    [InlineData("<r xmlns:p='{0}'/>")]
    public void Namespace_names_longer_than_the_limit_are_refused_even_when_unused(string template)
    {
        SafeXml.Load(Bytes(string.Format(template, "urn:" + new string('n', 36))), Small);

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes(string.Format(template, "urn:" + new string('n', 37))), Small));

        Assert.Equal(UnsafeXmlReason.NamespaceTooLong, ex.Reason);
    }

    [Fact]
    public void The_default_limits_refuse_65_levels_and_load_64()
    {
        SafeXml.Load(Bytes(Nest(64)));

        Assert.Equal(UnsafeXmlReason.TooDeep, Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(Bytes(Nest(65)))).Reason);
    }

    [Fact]
    public void A_limit_out_of_range_is_refused_as_an_argument()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SafeXml.Load(Bytes("<r/>"), XmlLimits.Default with { MaxDepth = XmlLimits.MaxDepthCeiling + 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SafeXml.Load(Bytes("<r/>"), XmlLimits.Default with { MaxNodes = 0 }));
    }

    [Fact]
    public void Nesting_at_the_depth_ceiling_loads_and_walks_on_a_one_MiB_stack()
    {
        var limits = XmlLimits.Default with { MaxDepth = XmlLimits.MaxDepthCeiling };

        // InnerText and WriteTo are .NET's own recursive walks; the ceiling keeps them far from the stack's end.
        var text = SmallStack.Run(() =>
        {
            var document = SafeXml.Load(Bytes(Nest(XmlLimits.MaxDepthCeiling, "x")), limits);
            return document.DocumentElement!.InnerText + EvidenceXml.ToBytes(document).Length;
        });

        Assert.StartsWith("x", text);
    }

    [Fact]
    public void A_stream_longer_than_the_limit_is_refused_after_reading_one_byte_more_than_it()
    {
        using var endless = new EndlessStream();

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(endless, Small));

        Assert.Equal(UnsafeXmlReason.TooLarge, ex.Reason);
        Assert.Equal(Small.MaxBytes + 1, endless.BytesRead);
    }

    [Fact]
    public void A_seekable_stream_longer_than_the_limit_is_refused_without_reading()
    {
        using var stream = new CountingStream(new byte[Small.MaxBytes + 1]);

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(stream, Small));

        Assert.Equal(UnsafeXmlReason.TooLarge, ex.Reason);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void A_stream_within_the_limit_loads()
    {
        using var stream = new CountingStream(Bytes(Siblings(10)));

        Assert.Equal(10, SafeXml.Load(stream, Small).DocumentElement!.ChildNodes.Count);
    }

    [Theory]
    [InlineData("<r a='1' b='2' c='3' d='4' e='5' f='6'/>", UnsafeXmlReason.TooManyAttributes)]
    [InlineData("<nnnnnnnnnnnnnnnnnnnnn/>", UnsafeXmlReason.NameTooLong)]
    [InlineData("<r nnnnnnnnnnnnnnnnnnnnn='1'/>", UnsafeXmlReason.NameTooLong)]
    public void The_reader_refuses_what_the_scan_before_it_would_also_refuse(string xml, UnsafeXmlReason reason)
    {
        // The lexical scan refuses these first; the reader that counts as the tree is built is the second line.
        using var reader = new LimitingXmlReader(System.Xml.XmlReader.Create(new StringReader(xml)), Small);

        Assert.Equal(reason, Assert.Throws<UnsafeXmlException>(() => new System.Xml.XmlDocument().Load(reader)).Reason);
    }

    [Fact]
    public void A_flood_of_attributes_is_refused_by_the_scan_before_the_parser_reads_the_tag()
    {
        var tag = Bytes("<r" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $" a{i}='1'")) + "/>");
        Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(tag, XmlLimits.Default));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(tag, XmlLimits.Default));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(UnsafeXmlReason.TooManyAttributes, ex.Reason);
        // The parser would have built 20,000 attribute nodes (megabytes); the scan allocates next to nothing.
        Assert.True(allocated < 256 * 1024, $"the scan allocated {allocated} bytes");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_document_in_another_encoding_is_scanned_too(string encoding)
    {
        var text = "<r" + string.Concat(Enumerable.Range(0, 6).Select(i => $" a{i}='1'")) + "/>";
        var bytes = System.Text.Encoding.GetEncoding(encoding).GetBytes(text);

        Assert.Equal(UnsafeXmlReason.TooManyAttributes, Assert.Throws<UnsafeXmlException>(() => SafeXml.Load(bytes, Small)).Reason);
        Assert.Single(SafeXml.Load(System.Text.Encoding.GetEncoding(encoding).GetBytes("<r a='1'/>"), Small).DocumentElement!.Attributes);
    }

    private static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);

    private static string Nest(int levels, string inner = "") =>
        string.Concat(Enumerable.Repeat("<a>", levels)) + inner + string.Concat(Enumerable.Repeat("</a>", levels));

    private static string Siblings(int count) => "<r>" + string.Concat(Enumerable.Repeat("<e/>", count)) + "</r>";

    private sealed class CountingStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
