namespace Erds.Contracts;

/// <summary>
/// The names under which log lines carry identifiers, the same in every service, so that one query
/// finds a piece of work everywhere.
/// </summary>
public static class LogProperties
{
    /// <summary>The <see cref="Correlation"/> id of the work.</summary>
    public const string CorrelationId = "CorrelationId";

    /// <summary>The ERDS message, as in the services' own log templates.</summary>
    public const string MessageId = "MessageId";

    /// <summary>The MassTransit message being handled (what consumers' inboxes de-duplicate on).</summary>
    public const string BusMessageId = "BusMessageId";

    /// <summary>MassTransit's conversation of the bus message being handled.</summary>
    public const string ConversationId = "ConversationId";

    /// <summary>The API credential (token) a request authenticated with.</summary>
    public const string CredentialId = "CredentialId";

    /// <summary>The organisation a request acts for.</summary>
    public const string OrganisationId = "OrganisationId";

    /// <summary>The user a request's credential belongs to, when it belongs to a person.</summary>
    public const string UserId = "UserId";
}
