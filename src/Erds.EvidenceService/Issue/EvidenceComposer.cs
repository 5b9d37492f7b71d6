using Erds.Evidence.Model;
using Erds.Evidence.Xml;
using Erds.Persistence.Entities;

namespace Erds.EvidenceService.Issue;

// Turns what the database knows about a message and one delivery event into the content of an
// evidence. Pure: everything it needs is handed to it.
public static class EvidenceComposer
{
    private const string MailtoScheme = "mailto";

    public static EvidenceDocument Compose(EvidenceFacts facts)
    {
        var message = facts.Message;
        var deliveryEvent = facts.DeliveryEvent;
        var evidenceEvent = EvidenceEvent.Parse(deliveryEvent.EventName);
        var bindsContent = evidenceEvent != EvidenceEvent.SubmissionRejection && message.Parts.Count > 0;

        return new EvidenceDocument
        {
            EvidenceIdentifier = facts.EvidenceId.ToString(),
            Event = evidenceEvent,
            // Details may quote what a sender or recipient sent (an unexpected part's name, a refusal
            // reason): quoted through the evidence text gate, they can always be sealed.
            Reasons = deliveryEvent.ReasonCode is null ? [] : [new EventReason(deliveryEvent.ReasonCode, QuotedDetails(deliveryEvent.ReasonDetails))],
            EventTime = deliveryEvent.OccurredAt,
            IssuerPolicyIds = facts.PolicyIds,
            Issuer = new IssuerDetails(facts.ProviderName, facts.SealCertificate),
            Sender = Sender(facts),
            // A person who acted for a functional mailbox is the one who authenticated: the
            // authentication details are theirs; the mailbox stays the sender.
            SenderDelegate = facts.SubmittedBy is { } user
                ? new PartyDetails
                {
                    Identifier = user.Email, IdentifierScheme = MailtoScheme, Identity = [IdentityAttribute.LegalName(user.Name)],
                    Authentication = SenderAuthentication(message),
                }
                : null,
            Recipients = message.Recipients.OrderBy(r => r.Index).Select(r => Recipient(r, facts)).ToList(),
            SubmissionTime = message.SubmittedAt,
            RefersToRecipient = deliveryEvent.RecipientIndex > 0 ? deliveryEvent.RecipientIndex : null,
            MessageIdentifier = message.Id.ToString(),
            AppLayerIdentifier = bindsContent ? message.SenderReference : null,
            ContentParts = bindsContent
                ? message.Parts.OrderBy(p => p.Ordinal).Select(p => new ContentPart(p.PartId, p.ContentType, p.Sha256)).ToList()
                : [],
        };
    }

    private static string? QuotedDetails(string? details) => details is null ? null : EvidenceText.Quote(details);

    private static PartyDetails Sender(EvidenceFacts facts)
    {
        var organisation = facts.SenderOrganisation;
        List<IdentityAttribute> identity = [IdentityAttribute.LegalName(organisation.LegalName)];
        if (organisation.LegalIdentifier is { } id) identity.Add(IdentityAttribute.LegalPersonIdentifier(id));
        return new PartyDetails
        {
            Identifier = facts.Message.SenderAddress,
            IdentifierScheme = MailtoScheme,
            Identity = identity,
            Authentication = facts.SubmittedBy is null ? SenderAuthentication(facts.Message) : null,
        };
    }

    private static AuthenticationInfo SenderAuthentication(Message message) =>
        new(message.SenderAssuranceLevel, message.SenderAuthenticationMethod, message.SenderAuthenticationTime);

    private static PartyDetails Recipient(MessageRecipient recipient, EvidenceFacts facts)
    {
        var deliveryEvent = facts.DeliveryEvent;
        var isActor = deliveryEvent.RecipientIndex == recipient.Index && deliveryEvent.ActorAuthenticationMethod is not null;
        return new PartyDetails
        {
            Identifier = recipient.Identifier,
            IdentifierScheme = recipient.IdentifierScheme,
            Identity = facts.RecipientLegalNames.TryGetValue(recipient.Index, out var name) ? [IdentityAttribute.LegalName(name)] : [],
            Authentication = isActor
                ? new AuthenticationInfo(
                    deliveryEvent.ActorAssuranceLevel ?? AssuranceLevels.Low,
                    deliveryEvent.ActorAuthenticationMethod!,
                    deliveryEvent.ActorAuthenticationTime ?? deliveryEvent.OccurredAt)
                : null,
        };
    }
}
