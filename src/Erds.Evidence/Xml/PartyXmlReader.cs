using System.Xml;
using Erds.Evidence.Model;
using static Erds.Evidence.Xml.EvidenceXmlNamespaces;

namespace Erds.Evidence.Xml;

/// <summary>Reads identities and the <c>UserDetailsType</c> of senders, delegates and recipients.</summary>
internal static class PartyXmlReader
{
    public static PartyDetails ReadUserDetails(XmlElement details)
    {
        var cursor = new ElementCursor(details);
        var identity = cursor.Optional("Identity", Etsi) is { } identityElement ? ReadIdentity(identityElement) : [];
        var identifier = cursor.Required("Identifier");
        var levels = cursor.Optional("AssuranceLevelsDetails");
        cursor.End();

        return new PartyDetails
        {
            Identifier = XmlValues.Text(identifier),
            IdentifierScheme = XmlValues.RequiredAttribute(identifier, "IdentifierSchemeName"),
            Identity = identity,
            Authentication = levels is null ? null : ReadAuthentication(levels),
        };
    }

    public static List<IdentityAttribute> ReadIdentity(XmlElement identity)
    {
        var cursor = new ElementCursor(identity);
        var attributes = cursor.OneOrMore("Attribute", Saml).Select(ReadAttribute).ToList();
        cursor.End();
        return attributes;
    }

    private static IdentityAttribute ReadAttribute(XmlElement attribute)
    {
        var cursor = new ElementCursor(attribute);
        var value = cursor.Required("AttributeValue", Saml);
        cursor.End();
        return new IdentityAttribute(XmlValues.RequiredAttribute(attribute, "Name"), XmlValues.Text(value));
    }

    private static AuthenticationInfo ReadAuthentication(XmlElement levels)
    {
        var cursor = new ElementCursor(levels);
        var global = new ElementCursor(cursor.Required("GlobalAssuranceLevel"));
        var assuranceLevel = XmlValues.Token(global.Required("AssuranceLevel"));
        global.End();

        var authentication = new ElementCursor(cursor.Required("AuthenticationDetails", Etsi));
        var time = XmlValues.DateTime(authentication.Required("AuthenticationTime"));
        var method = XmlValues.Token(authentication.Required("AuthenticationMethod"));
        authentication.End();
        cursor.End();

        return new AuthenticationInfo(assuranceLevel, method, time);
    }
}
