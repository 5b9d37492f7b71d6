using Erds.Evidence.Xml;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

// The one gate for text in evidence: what XML can carry at all, what people may be shown, and how
// quoted sender input is made both.
public sealed class EvidenceTextTests
{
    [Theory]
    [InlineData("Rechtbank Amsterdam")]
    [InlineData("Tab\tseparated")]
    [InlineData("Ærøskøbing Ünïcödé 東京 😀")]
    [InlineData("زهرا\u200Cی")] // zero-width non-joiner: part of Persian spelling
    public void Ordinary_text_passes_every_rule(string text)
    {
        Assert.Null(EvidenceText.UncarriableCharacter(text));
        Assert.Null(EvidenceText.Problem(text));
        Assert.Equal(text, EvidenceText.Quote(text));
    }

    [Theory]
    [InlineData("x\u0001", "U+0001")]
    [InlineData("\u001B[2J", "U+001B")]
    [InlineData("a\uFFFE", "U+FFFE")]
    public void Characters_xml_cannot_carry_are_named(string text, string character)
    {
        Assert.Equal(character, EvidenceText.UncarriableCharacter(text));
        Assert.Contains(character, EvidenceText.Problem(text));
    }

    // Built at run time: a lone surrogate in an attribute argument does not survive compilation.
    [Fact]
    public void Unpaired_surrogates_are_named()
    {
        var high = "cut " + (char)0xD83D;
        var low = (char)0xDE00 + " alone";

        Assert.Equal("U+D83D", EvidenceText.UncarriableCharacter(high));
        Assert.Equal("U+DE00", EvidenceText.UncarriableCharacter(low));
        Assert.Contains("unpaired surrogate", EvidenceText.Problem(high));
        Assert.Equal("cut \\uD83D", EvidenceText.Quote(high));
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "U+202E", "bidirectional")]
    [InlineData("isolate\u2066x\u2069", "U+2066", "bidirectional")]
    [InlineData("line\u2028break", "U+2028", "separator")]
    [InlineData("para\u2029graph", "U+2029", "separator")]
    [InlineData("new\nline", "U+000A", "control")]
    [InlineData("c1\u0085control", "U+0085", "control")]
    [InlineData("non\uFDD0char", "U+FDD0", "noncharacter")]
    [InlineData("plane\U0001FFFEone", "U+1FFFE", "noncharacter")]
    [InlineData("hidden\uFEFFmark", "U+FEFF", "invisible formatting")]
    [InlineData("ruby\uFFF9text\uFFFB", "U+FFF9", "invisible formatting")]
    public void Text_that_could_forge_what_people_read_is_refused_though_xml_carries_it(string text, string character, string kind)
    {
        var problem = EvidenceText.Problem(text);

        Assert.NotNull(problem);
        Assert.Contains(character, problem);
        Assert.Contains(kind, problem);
    }

    [Fact]
    public void Quoting_escapes_what_is_refused_and_keeps_the_rest()
    {
        Assert.Equal("Unexpected part 'x\\u0001'", EvidenceText.Quote("Unexpected part 'x\u0001'"));
        Assert.Equal("a\\u202Eb\\u2028c\\U0001FFFE😀", EvidenceText.Quote("a\u202Eb\u2028c\U0001FFFE😀"));
    }

    [Fact]
    public void Quoted_text_always_passes_the_gate()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(0, 0x10000)).ToArray());

            var quoted = EvidenceText.Quote(text);

            Assert.Null(EvidenceText.Problem(quoted));
            Assert.Null(EvidenceText.UncarriableCharacter(quoted));
        }
    }
}
