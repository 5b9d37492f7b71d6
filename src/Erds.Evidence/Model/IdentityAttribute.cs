namespace Erds.Evidence.Model;

/// <summary>One SAML 2.0 attribute of a party's identity, e.g. <c>LegalName</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Value">The attribute value.</param>
public sealed record IdentityAttribute(string Name, string Value)
{
    /// <summary>The legal name of a person or organisation.</summary>
    public static IdentityAttribute LegalName(string value) => new("LegalName", value);

    /// <summary>A registration number of a legal person (e.g. a chamber of commerce number).</summary>
    public static IdentityAttribute LegalPersonIdentifier(string value) => new("LegalPersonIdentifier", value);
}
