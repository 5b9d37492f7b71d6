using System.Xml;
using Erds.Evidence.Model;

namespace Erds.Evidence.Xml;

/// <summary>Writes identities and the <c>UserDetailsType</c> of senders, delegates and recipients.</summary>
internal static class PartyXmlWriter
{
    public static void WriteUserDetails(EvidenceXmlBuilder xml, XmlNode parent, string elementName, PartyDetails party)
    {
        var details = xml.Etsi(parent, elementName);
        if (party.Identity.Count > 0) WriteIdentity(xml, details, party.Identity);

        var identifier = xml.Local(details, "Identifier", party.Identifier);
        EvidenceXmlBuilder.SetAttribute(identifier, "IdentifierSchemeName", party.IdentifierScheme);

        if (party.Authentication is { } authentication)
        {
            var levels = xml.Local(details, "AssuranceLevelsDetails");
            xml.Local(xml.Local(levels, "GlobalAssuranceLevel"), "AssuranceLevel", authentication.AssuranceLevel);
            var authenticationDetails = xml.Etsi(levels, "AuthenticationDetails");
            xml.Local(authenticationDetails, "AuthenticationTime", EvidenceDateTime.Format(authentication.Time));
            xml.Local(authenticationDetails, "AuthenticationMethod", authentication.Method);
        }
    }

    public static void WriteIdentity(EvidenceXmlBuilder xml, XmlNode parent, IEnumerable<IdentityAttribute> attributes)
    {
        var identity = xml.Etsi(parent, "Identity");
        foreach (var attribute in attributes)
        {
            var samlAttribute = xml.Saml(identity, "Attribute");
            EvidenceXmlBuilder.SetAttribute(samlAttribute, "Name", attribute.Name);
            xml.Saml(samlAttribute, "AttributeValue", attribute.Value);
        }
    }
}
