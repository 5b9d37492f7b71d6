using Erds.Persistence.Entities;

namespace Erds.EvidenceService.Issue;

// Everything the composer needs about one delivery event, loaded by the issuance service.
public sealed record EvidenceFacts
{
    public required Guid EvidenceId { get; init; }
    public required DeliveryEvent DeliveryEvent { get; init; }
    public required Message Message { get; init; }
    public required Organisation SenderOrganisation { get; init; }
    public OrganisationUser? SubmittedBy { get; init; }

    // Legal names of recipients that are organisations on this provider, by recipient index.
    public IReadOnlyDictionary<int, string> RecipientLegalNames { get; init; } = new Dictionary<int, string>();

    public required string ProviderName { get; init; }
    public required byte[] SealCertificate { get; init; }
    public IReadOnlyList<string> PolicyIds { get; init; } = [];
}
