using Erds.Evidence.Model;

namespace Erds.Evidence.Xml;

/// <summary>
/// Rules of EN 319 522 and of the schema that the model's types cannot express. The writer checks them
/// before writing, so invalid evidence is never produced, let alone sealed; the reader checks them after
/// reading, so whatever it returns can be written again.
/// </summary>
internal static class EvidenceGuards
{
    private const int Sha256Length = 32;

    /// <summary>Throws <see cref="ArgumentException"/> describing the first rule <paramref name="evidence"/> breaks.</summary>
    public static void Check(EvidenceDocument evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (FirstViolation(evidence) is { } violation) throw new ArgumentException(violation, nameof(evidence));
    }

    /// <summary>Describes the first rule <paramref name="evidence"/> breaks, or returns null when it breaks none.</summary>
    public static string? FirstViolation(EvidenceDocument evidence)
    {
        if (string.IsNullOrWhiteSpace(evidence.EvidenceIdentifier)) return "EvidenceIdentifier must not be empty.";
        if (evidence.Event is null) return "Event is required.";
        if (evidence.Event.IsNegative && evidence.Reasons.Count == 0)
        {
            return $"{evidence.Event.Name} is a negative event: it needs at least one reason (EventReasons).";
        }

        if (evidence.Reasons.Any(r => string.IsNullOrWhiteSpace(r?.Code))) return "Every reason needs a code URI.";
        if (evidence.Issuer is null) return "Issuer is required.";
        if (evidence.Issuer.SealCertificate is { Length: 0 }) return "Issuer.SealCertificate must be null or a DER certificate, not empty.";
        if (PartyViolation(evidence.Sender, "Sender") is { } sender) return sender;
        if (evidence.SenderDelegate is not null && PartyViolation(evidence.SenderDelegate, "SenderDelegate") is { } senderDelegate) return senderDelegate;
        if (evidence.Recipients is not { Count: > 0 }) return "Evidence needs at least one recipient.";
        for (var i = 0; i < evidence.Recipients.Count; i++)
        {
            if (PartyViolation(evidence.Recipients[i], $"Recipients[{i}]") is { } recipient) return recipient;
        }

        if (evidence.RefersToRecipient is { } position && (position < 1 || position > evidence.Recipients.Count))
        {
            return $"RefersToRecipient is {position}, but it is a 1-based position among {evidence.Recipients.Count} recipient(s).";
        }

        if (evidence.MessageIdentifier is { Length: 0 }) return "MessageIdentifier must be null or non-empty.";
        return ContentViolation(evidence) ?? TextViolation(evidence);
    }

    // Text XML cannot carry would fail deep inside the XML writer, after work was done; named here it
    // fails first, the same way every time, and says which field and character (never the text itself).
    private static string? TextViolation(EvidenceDocument evidence)
    {
        foreach (var (field, value) in Texts(evidence))
        {
            if (value is not null && EvidenceText.UncarriableCharacter(value) is { } character)
            {
                return $"{field} contains {character}, which XML cannot carry.";
            }
        }
        return null;
    }

    private static IEnumerable<(string Field, string? Value)> Texts(EvidenceDocument evidence)
    {
        yield return ("EvidenceIdentifier", evidence.EvidenceIdentifier);
        for (var i = 0; i < evidence.Reasons.Count; i++)
        {
            yield return ($"Reasons[{i}].Code", evidence.Reasons[i].Code);
            yield return ($"Reasons[{i}].Details", evidence.Reasons[i].Details);
        }
        for (var i = 0; i < evidence.IssuerPolicyIds.Count; i++) yield return ($"IssuerPolicyIds[{i}]", evidence.IssuerPolicyIds[i]);
        yield return ("Issuer.LegalName", evidence.Issuer.LegalName);
        foreach (var text in PartyTexts(evidence.Sender, "Sender")) yield return text;
        if (evidence.SenderDelegate is not null)
        {
            foreach (var text in PartyTexts(evidence.SenderDelegate, "SenderDelegate")) yield return text;
        }
        for (var i = 0; i < evidence.Recipients.Count; i++)
        {
            foreach (var text in PartyTexts(evidence.Recipients[i], $"Recipients[{i}]")) yield return text;
        }
        yield return ("MessageIdentifier", evidence.MessageIdentifier);
        yield return ("AppLayerIdentifier", evidence.AppLayerIdentifier);
        for (var i = 0; i < evidence.ContentParts.Count; i++)
        {
            yield return ($"ContentParts[{i}].Identifier", evidence.ContentParts[i].Identifier);
            yield return ($"ContentParts[{i}].ContentType", evidence.ContentParts[i].ContentType);
        }
    }

    private static IEnumerable<(string Field, string? Value)> PartyTexts(PartyDetails party, string role)
    {
        yield return ($"{role}.Identifier", party.Identifier);
        yield return ($"{role}.IdentifierScheme", party.IdentifierScheme);
        for (var i = 0; i < party.Identity.Count; i++)
        {
            yield return ($"{role}.Identity[{i}].Name", party.Identity[i].Name);
            yield return ($"{role}.Identity[{i}].Value", party.Identity[i].Value);
        }
        if (party.Authentication is { } authentication)
        {
            yield return ($"{role}.Authentication.AssuranceLevel", authentication.AssuranceLevel);
            yield return ($"{role}.Authentication.Method", authentication.Method);
        }
    }

    private static string? ContentViolation(EvidenceDocument evidence)
    {
        // UserContentInfo requires PartsInfo, so there is nowhere to put an AppLayerIdentifier without parts;
        // dropping it silently would make the sealed evidence say less than the caller asked.
        if (evidence.AppLayerIdentifier is not null && evidence.ContentParts.Count == 0)
        {
            return "AppLayerIdentifier can only be written together with at least one content part (UserContentInfo requires PartsInfo).";
        }

        foreach (var part in evidence.ContentParts)
        {
            if (part is null) return "ContentParts must not contain null.";
            if (part.Sha256 is not { Length: Sha256Length })
            {
                return $"Content part '{part.Identifier}' has a {part.Sha256?.Length ?? 0}-byte digest; a SHA-256 digest is {Sha256Length} bytes.";
            }
        }

        return null;
    }

    private static string? PartyViolation(PartyDetails? party, string role)
    {
        if (party is null) return $"{role} is required.";
        if (string.IsNullOrEmpty(party.Identifier)) return $"{role}.Identifier must not be empty.";
        if (string.IsNullOrEmpty(party.IdentifierScheme)) return $"{role}.IdentifierScheme must not be empty.";
        return null;
    }
}
