namespace Erds.Evidence.Model;

/// <summary>
/// Why a (usually negative) event happened: a reason code URI
/// (<c>http://uri.etsi.org/19522/EventReason/&lt;Name&gt;</c>) with optional free-text details.
/// </summary>
/// <param name="Code">The reason code URI.</param>
/// <param name="Details">Human-readable details; never message content.</param>
public sealed record EventReason(string Code, string? Details = null)
{
    private const string Prefix = "http://uri.etsi.org/19522/EventReason/";
    private const string ProviderPrefix = "urn:erds:event-reason:";

    /// <summary>Builds a reason from a name of the ETSI reason code list.</summary>
    public static EventReason Of(string name, string? details = null) => new(Prefix + name, details);

    /// <summary>The recipient is not known to this provider.</summary>
    public static EventReason UnknownRecipient(string? details = null) => Of("UnknownRecipient", details);
    /// <summary>The message breaks the provider's policy (size, content rules).</summary>
    public static EventReason PolicyViolation(string? details = null) => Of("R_ERDS_PolicyViolation", details);
    /// <summary>The message was rejected for a reason stated in the details.</summary>
    public static EventReason MessageRejected(string? details = null) => Of("R_ERDS_MessageRejected", details);
    /// <summary>The provider failed while handling the message.</summary>
    public static EventReason Malfunction(string? details = null) => Of("R_ERDS_Malfunction", details);

    /// <summary>
    /// A reason this provider defines where the ETSI list has no code, under <c>urn:erds:event-reason:</c>,
    /// so that nobody mistakes it for an ETSI code.
    /// </summary>
    public static EventReason ProviderDefined(string name, string? details = null) => new(ProviderPrefix + name, details);

    /// <summary>The time allowed for the step ran out (provider-defined code).</summary>
    public static EventReason Expired(string? details = null) => ProviderDefined("Expired", details);
    /// <summary>The recipient refused the message (provider-defined code).</summary>
    public static EventReason RefusedByRecipient(string? details = null) => ProviderDefined("RefusedByRecipient", details);
}
