namespace Erds.Evidence.Model;

/// <summary>
/// A sender, recipient or delegate as evidence names it (<c>UserDetailsType</c>): an identifier with its
/// scheme, identity attributes, and how and when the party authenticated.
/// </summary>
public sealed record PartyDetails
{
    /// <summary>The identifier, kept exactly as given (an e-mail address is never rewritten).</summary>
    public required string Identifier { get; init; }

    /// <summary>The identifier scheme, e.g. <c>mailto</c>.</summary>
    public required string IdentifierScheme { get; init; }

    /// <summary>SAML identity attributes (<c>LegalName</c>, <c>LegalPersonIdentifier</c>, ...), in order.</summary>
    public IReadOnlyList<IdentityAttribute> Identity { get; init; } = [];

    /// <summary>How and when this party authenticated, when the provider knows it.</summary>
    public AuthenticationInfo? Authentication { get; init; }
}
