namespace Erds.ServiceDefaults.LogCorrelation;

// The names under which log lines carry identifiers, the same in every service, so that one query
// finds a piece of work everywhere. MessageId is the ERDS message, as in the services' own templates;
// BusMessageId is the MassTransit message being handled (what consumers' inboxes de-duplicate on).
internal static class LogProperties
{
    public const string CorrelationId = "CorrelationId";
    public const string MessageId = "MessageId";
    public const string BusMessageId = "BusMessageId";
    public const string ConversationId = "ConversationId";
}
