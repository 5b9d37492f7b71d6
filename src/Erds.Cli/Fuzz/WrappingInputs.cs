using System.Xml;
using Erds.Evidence.Xml;

namespace Erds.Cli.Fuzz;

// Signature wrapping and its relatives, made on the parsed tree: the verifier must check what it shows,
// show what it checked, and accept one structure only. Each input applies one or two of these at random.
internal static class WrappingInputs
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    private const string Xades = "http://uri.etsi.org/01903/v1.3.2#";
    private const string Erds = "http://uri.etsi.org/19522/v1#";

    private static readonly (string Name, Action<XmlDocument, Random, VerifierTarget> Apply)[] Variants =
    [
        ("content moved into ds:Object under forged content", (d, _, _) =>
        {
            var root = d.DocumentElement!;
            var signature = Signature(d);
            var hiding = d.CreateElement("ds", "Object", Ds);
            foreach (var node in root.ChildNodes.Cast<XmlNode>().Where(n => n != signature).ToList()) hiding.AppendChild(node);
            signature.AppendChild(hiding);
            root.InsertBefore(Element(d, "EvidenceIdentifier", "forged"), signature);
        }),
        ("copy of the evidence inside ds:Object", (d, _, _) =>
        {
            var copy = (XmlElement)d.DocumentElement!.CloneNode(deep: true);
            // Wherever an earlier variant left the signature (found by fuzzing: moved into a wrapper or away).
            if (copy.GetElementsByTagName("Signature", Ds).Cast<XmlElement>().FirstOrDefault() is { } copied) copied.ParentNode!.RemoveChild(copied);
            var holder = d.CreateElement("ds", "Object", Ds);
            holder.AppendChild(copy);
            Signature(d).AppendChild(holder);
            First(d, Erds, "EvidenceIdentifier").InnerText = "forged";
        }),
        ("decoy SignedProperties with the same Id", (d, _, _) =>
            d.DocumentElement!.InsertBefore(First(d, Xades, "SignedProperties").CloneNode(deep: true), Signature(d))),
        ("second ds:Signature", (d, r, _) =>
        {
            var copy = (XmlElement)Signature(d).CloneNode(deep: true);
            if (r.Next(2) == 0) copy.SetAttribute("Id", "sig-copy");
            d.DocumentElement!.InsertBefore(copy, Signature(d));
        }),
        ("signature not last", (d, _, _) => d.DocumentElement!.AppendChild(Element(d, "Extensions", ""))),
        ("signature nested in a wrapper", (d, _, _) =>
        {
            var signature = Signature(d);
            var wrapper = d.CreateElement("erds", "Extensions", Erds);
            d.DocumentElement!.ReplaceChild(wrapper, signature);
            wrapper.AppendChild(signature);
        }),
        ("signature as document element", (d, _, _) =>
        {
            var signature = Signature(d);
            var evidence = d.DocumentElement!;
            evidence.RemoveChild(signature);
            d.ReplaceChild(signature, evidence);
            var holder = d.CreateElement("ds", "Object", Ds);
            holder.AppendChild(evidence);
            signature.AppendChild(holder);
        }),
        ("properties reference to an element outside", (d, _, _) =>
        {
            var reference = d.GetElementsByTagName("Reference", Ds).Cast<XmlElement>().Single(e => e.HasAttribute("Type"));
            FirstElement(d).SetAttribute("Id", "outside");
            reference.SetAttribute("URI", "#outside");
        }),
        ("content reference to a fragment", (d, _, _) =>
        {
            d.DocumentElement!.SetAttribute("Id", "root");
            d.GetElementsByTagName("Reference", Ds).Cast<XmlElement>().Single(e => !e.HasAttribute("Type")).SetAttribute("URI", "#root");
        }),
        ("qualifying properties targeting another signature", (d, _, _) => First(d, Xades, "QualifyingProperties").SetAttribute("Target", "#other")),
        ("third reference", (d, _, _) =>
        {
            var info = First(d, Ds, "SignedInfo");
            info.AppendChild(info.GetElementsByTagName("Reference", Ds).Cast<XmlElement>().First().CloneNode(deep: true));
        }),
        ("references swapped", (d, _, _) =>
        {
            var references = d.GetElementsByTagName("Reference", Ds).Cast<XmlElement>().ToList();
            references[0].ParentNode!.InsertBefore(references[1], references[0]);
        }),
        ("enveloped transform removed or XPath added", (d, r, _) =>
        {
            var transforms = First(d, Ds, "Transforms");
            if (r.Next(2) == 0)
            {
                if (transforms.FirstChild is { } first) transforms.RemoveChild(first);
            }
            else
            {
                var xpath = d.CreateElement("ds", "Transform", Ds);
                xpath.SetAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xpath-19991116");
                xpath.AppendChild(d.CreateElement("ds", "XPath", Ds))!.InnerText = "not(ancestor-or-self::ds:Signature)";
                transforms.AppendChild(xpath);
            }
        }),
        ("algorithm confusion", (d, r, _) =>
        {
            var (element, algorithm) = r.Next(4) switch
            {
                0 => ("SignatureMethod", "http://www.w3.org/2000/09/xmldsig#hmac-sha1"),
                1 => ("SignatureMethod", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
                2 => ("CanonicalizationMethod", "http://www.w3.org/2006/12/xml-c14n11#WithComments"),
                _ => ("DigestMethod", "http://www.w3.org/2000/09/xmldsig#sha1"),
            };
            First(d, Ds, element).SetAttribute("Algorithm", algorithm);
        }),
        ("KeyInfo with the TSA certificate", (d, _, t) => First(d, Ds, "X509Certificate").InnerText = Convert.ToBase64String(t.TsaCertificate)),
        ("KeyInfo with another certificate first", (d, _, t) =>
        {
            var data = First(d, Ds, "X509Data");
            var extra = d.CreateElement("ds", "X509Certificate", Ds);
            extra.InnerText = Convert.ToBase64String(t.TsaCertificate);
            data.PrependChild(extra);
        }),
        ("KeyInfo with a second X509Data or RetrievalMethod", (d, r, _) =>
        {
            var keyInfo = First(d, Ds, "KeyInfo");
            if (r.Next(2) == 0) keyInfo.AppendChild(FirstElement(keyInfo).CloneNode(deep: true));
            else ((XmlElement)keyInfo.AppendChild(d.CreateElement("ds", "RetrievalMethod", Ds))!).SetAttribute("URI", "#x");
        }),
        ("issuer details naming the TSA certificate", (d, _, t) =>
            d.GetElementsByTagName("X509Certificate").Cast<XmlElement>().First(e => e.NamespaceURI == "").InnerText = Convert.ToBase64String(t.TsaCertificate)),
        ("second signature timestamp", (d, _, _) =>
        {
            var stamp = First(d, Xades, "SignatureTimeStamp");
            stamp.ParentNode!.AppendChild(stamp.CloneNode(deep: true));
        }),
        ("ds prefix bound to another namespace", (d, _, _) =>
        {
            var signature = Signature(d);
            var other = d.CreateElement("ds", "Signature", "urn:not-dsig");
            foreach (var child in signature.ChildNodes.Cast<XmlNode>().ToList()) other.AppendChild(child);
            foreach (XmlAttribute attribute in signature.Attributes)
            {
                if (attribute.NamespaceURI != "http://www.w3.org/2000/xmlns/") other.SetAttribute(attribute.Name, attribute.Value);
            }
            d.DocumentElement!.ReplaceChild(other, signature);
        }),
        ("duplicate ids of other spellings", (d, r, _) =>
        {
            var id = First(d, Xades, "SignedProperties").GetAttribute("Id");
            var target = FirstElement(d);
            if (r.Next(2) == 0) target.SetAttribute("ID", id);
            else target.SetAttribute("id", "http://www.w3.org/XML/1998/namespace", id);
        }),
        ("whitespace and line breaks in base64", (d, r, _) =>
        {
            var element = First(d, Ds, r.Pick(["SignatureValue", "DigestValue", "X509Certificate"]));
            element.InnerText = string.Join(r.Pick(["\n", " ", "\r\n", "\t"]), element.InnerText.Chunk(r.Next(1, 76)).Select(c => new string(c)));
        }),
        ("content changed after signing", (d, r, _) =>
            First(d, Erds, r.Pick(["EvidenceIdentifier", "MessageIdentifier"])).InnerText += "x"),
        ("signing time moved", (d, r, _) => First(d, Xades, "SigningTime").InnerText = r.Pick(["2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "not a time", ""])),
    ];

    public static byte[] Wrapped(Random random, byte[] evidence, VerifierTarget target)
    {
        var document = SafeXml.Load(evidence, XmlLimits.Default);
        var rounds = random.Next(4) == 0 ? 2 : 1;
        for (int applied = 0, tries = 0; applied < rounds && tries < 16; tries++)
        {
            // A variant may not fit what an earlier one left (a signature moved away, a reference doubled):
            // then another is tried on the tree as it was.
            var attempt = (XmlDocument)document.CloneNode(deep: true);
            try
            {
                random.Pick(Variants).Apply(attempt, random, target);
                _ = EvidenceXml.ToBytes(attempt);
            }
            catch (Exception e) when (e is XmlException or ArgumentException or InvalidOperationException)
            {
                continue;
            }
            document = attempt;
            applied++;
        }
        return EvidenceXml.ToBytes(document);
    }

    private static XmlElement Signature(XmlDocument d) => First(d, Ds, "Signature");

    // The first child element (InvalidOperationException when there is none: the variant does not fit).
    private static XmlElement FirstElement(XmlNode parent) => parent.ChildNodes.OfType<XmlElement>().First();

    private static XmlElement FirstElement(XmlDocument d) => FirstElement(d.DocumentElement!);

    private static XmlElement First(XmlDocument d, string ns, string name) =>
        d.GetElementsByTagName(name, ns).Cast<XmlElement>().FirstOrDefault() ?? d.DocumentElement!;

    private static XmlElement Element(XmlDocument d, string name, string text)
    {
        var element = d.CreateElement("erds", name, Erds);
        element.InnerText = text;
        return element;
    }
}
