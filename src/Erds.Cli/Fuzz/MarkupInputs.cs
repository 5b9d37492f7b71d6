namespace Erds.Cli.Fuzz;

// Markup a verifier must refuse or pass over without being led astray: document type declarations of
// every sort, and comments, processing instructions and CDATA in the places a lax canonicalizer or reader
// would treat differently from a strict one.
internal static class MarkupInputs
{
    private static readonly string[] Doctypes =
    [
        "<!DOCTYPE erds:Evidence>",
        "<!DOCTYPE r [<!ENTITY x \"y\">]>",
        "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">",
        "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>",
        "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"http://127.0.0.1:1/xxe\">]>",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p.dtd\"> %p;]>",
        "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
        "<!DOCTYPE r [<!ATTLIST ds:SignedProperties Id ID #IMPLIED>]>",
        "<!DOCTYPE r [<!ATTLIST erds:Evidence version CDATA \"1.2.1\">]>",
        "<!DOCTYPE r PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">",
        "<!-- c --><!DOCTYPE r>",
        "<!DOCTYPE",
    ];

    public static byte[] Doctype(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var doctype = random.Pick(Doctypes);
        var useEntity = doctype.Contains("ENTITY", StringComparison.Ordinal) && random.Next(2) == 0;
        if (useEntity)
        {
            var at = Text.ContentOf(xml, random.Pick(["EvidenceIdentifier", "MessageIdentifier", "SignatureValue"]), random);
            if (at > 0) xml = xml[..at] + random.Pick(["&x;", "&xxe;", "&d;", "&undefined;"]) + xml[at..];
        }
        var place = random.Next(3) switch
        {
            0 => declarationEnd,
            1 => Text.SignatureStart(xml),
            _ => xml.Length,
        };
        return Text.Bytes(xml[..place] + doctype + xml[place..]);
    }

    private static readonly string[] Odd =
    [
        "<!-- c -->", "<!---->", "<!-- - -->", "<?pi data?>", "<?xml-stylesheet href=\"x\"?>", "<?pi?>", "<![CDATA[]]>", "<![CDATA[QUFB]]>",
        "\n", " ", "&#x20;", "&#xA;", "&#13;", "<!-- <ds:Signature> -->",
    ];

    public static byte[] CommentsAndInstructions(Random random, byte[] evidence)
    {
        var xml = Text.Of(evidence);
        for (var n = random.LogUniform(1, 8); n > 0; n--)
        {
            var at = random.Next(4) switch
            {
                0 => Text.ContentOf(xml, random.Pick(["DigestValue", "SignatureValue", "X509Certificate", "EncapsulatedTimeStamp", "SigningTime", "EventTime", "EvidenceIdentifier"]), random),
                1 => Text.ContentOf(xml, random.Pick(["SignedInfo", "Reference", "Transforms", "KeyInfo", "X509Data", "SignedProperties", "Cert", "Signature"]), random),
                2 => random.Next(2) == 0 ? 0 : xml.Length,
                _ => Text.PositionOf(xml, random, '>') + 1,
            };
            if (at < 0) at = Text.SignatureStart(xml);
            xml = xml[..at] + random.Pick(Odd) + xml[at..];
        }
        return Text.Bytes(xml);
    }
}
