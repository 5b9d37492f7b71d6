using Erds.Evidence.Model;

namespace Erds.Evidence.Xml;

/// <summary>
/// Rules of EN 319 522 and of the schema that the model's types cannot express; checked before
/// anything is written so that invalid evidence is never produced, let alone sealed.
/// </summary>
internal static class EvidenceGuards
{
    private const string Param = "evidence";
    private const int Sha256Length = 32;

    public static void Check(EvidenceDocument evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        Require(!string.IsNullOrWhiteSpace(evidence.EvidenceIdentifier), "EvidenceIdentifier must not be empty.");
        Require(evidence.Event is not null, "Event is required.");
        Require(!evidence.Event!.IsNegative || evidence.Reasons.Count > 0,
            $"{evidence.Event.Name} is a negative event: it needs at least one reason (EventReasons).");
        foreach (var reason in evidence.Reasons)
        {
            Require(!string.IsNullOrWhiteSpace(reason?.Code), "Every reason needs a code URI.");
        }

        CheckParty(evidence.Sender, "Sender");
        if (evidence.SenderDelegate is not null) CheckParty(evidence.SenderDelegate, "SenderDelegate");
        Require(evidence.Recipients is { Count: > 0 }, "Evidence needs at least one recipient.");
        for (var i = 0; i < evidence.Recipients.Count; i++)
        {
            CheckParty(evidence.Recipients[i], $"Recipients[{i}]");
        }

        Require(evidence.RefersToRecipient is null || (evidence.RefersToRecipient >= 1 && evidence.RefersToRecipient <= evidence.Recipients.Count),
            $"RefersToRecipient is {evidence.RefersToRecipient}, but it is a 1-based position among {evidence.Recipients.Count} recipient(s).");
        Require(evidence.MessageIdentifier is null || evidence.MessageIdentifier.Length > 0,
            "MessageIdentifier must be null or non-empty.");
        Require(evidence.Issuer is not null, "Issuer is required.");
        Require(evidence.Issuer!.SealCertificate is not { Length: 0 }, "Issuer.SealCertificate must be null or a DER certificate, not empty.");
        CheckContent(evidence);
    }

    private static void CheckContent(EvidenceDocument evidence)
    {
        // UserContentInfo requires PartsInfo, so there is nowhere to put an AppLayerIdentifier without parts;
        // dropping it silently would make the sealed evidence say less than the caller asked.
        Require(evidence.AppLayerIdentifier is null || evidence.ContentParts.Count > 0,
            "AppLayerIdentifier can only be written together with at least one content part (UserContentInfo requires PartsInfo).");
        foreach (var part in evidence.ContentParts)
        {
            Require(part is not null, "ContentParts must not contain null.");
            Require(part!.Sha256 is { Length: Sha256Length },
                $"Content part '{part.Identifier}' has a {part.Sha256?.Length ?? 0}-byte digest; a SHA-256 digest is {Sha256Length} bytes.");
        }
    }

    private static void CheckParty(PartyDetails? party, string role)
    {
        Require(party is not null, $"{role} is required.");
        Require(!string.IsNullOrEmpty(party!.Identifier), $"{role}.Identifier must not be empty.");
        Require(!string.IsNullOrEmpty(party.IdentifierScheme), $"{role}.IdentifierScheme must not be empty.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message, Param);
    }
}
