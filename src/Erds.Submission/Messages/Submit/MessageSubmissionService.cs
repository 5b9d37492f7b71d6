using System.Text.Json;
using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Content;
using Erds.Persistence.Entities;
using Erds.Submission.Authentication;
using Erds.Submission.Limits;
using Erds.Submission.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.Submission.Messages.Submit;

// Takes one submission from the wire to a recorded message: metadata, recipients, content streamed
// encrypted to storage, then message, acceptance (or rejection) event and idempotency record in one
// transaction. Nothing half-written survives a failure.
public sealed class MessageSubmissionService(
    ErdsDbContext db, ContentStore content, ContentKeyProtector keys, IOptions<SubmissionOptions> options,
    IOptions<LimitsOptions> limits, OrganisationQuotas quotas, SubmissionMetrics metrics, TimeProvider time, ILogger<MessageSubmissionService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private SubmissionOptions Options => options.Value;

    public async Task<SubmissionOutcome> SubmitAsync(Caller caller, string idempotencyKey, HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = SubmissionBodyReader.Open(request, Options, limits.Value.UploadIdleTimeout);
        var previous = await SubmissionQueries.PreviousAnswer.For(db)(db, caller.OrganisationId, idempotencyKey, cancellationToken);
        if (previous is not null) return await ReplayAsync(previous, reader, cancellationToken);
        var storable = await quotas.CheckAsync(caller.OrganisationId, cancellationToken);

        using var fingerprint = new SubmissionFingerprint();
        var (metadata, raw) = await reader.ReadMetadataAsync(cancellationToken);
        fingerprint.AddMetadata(raw);
        var draft = await new MetadataValidator(db, Options).ValidateAsync(metadata, caller, cancellationToken);

        // From here on the message exists: any refusal is answered and proven with SubmissionRejection.
        var messageId = Guid.CreateVersion7(time.GetUtcNow());
        var contentKey = ContentStore.NewContentKey();
        try
        {
            // Whether every recipient is known is answered last, after the content has been received
            // in full: learning which mailboxes exist costs as much as sending to them.
            var (resolved, unknownRecipients) = ResolveRecipients(draft);
            var rejection = CheckExpiry(draft);
            var (parts, stop) = await ReadPartsAsync(reader, fingerprint, rejection is null ? messageId : null, contentKey, cancellationToken);
            rejection ??= stop;
            if (rejection is null && parts.Count == 0) rejection = Rejections.NoContent();
            // Judged on the whole content, not while it streams: a retry with the same key then reads
            // the same request the same way, whatever the organisation has stored meanwhile.
            if (rejection is null && parts.Sum(p => p.Length) > storable) rejection = Rejections.OverStorageQuota();
            rejection ??= unknownRecipients;

            var now = time.GetUtcNow();
            var message = NewMessage(messageId, draft, caller, now, resolved, rejection);
            if (rejection is not null) message.Recipients.ForEach(r => r.TransitionTo(RecipientStatus.Failed));
            if (rejection is null)
            {
                message.WrappedContentKey = keys.Wrap(contentKey, messageId);
                message.Parts.AddRange(parts.Select(p => ToEntity(messageId, p)));
                var accepted = await RecordAsync(message, DeliveryEventFor(message, EvidenceEvent.SubmissionAcceptance, now, null), caller, idempotencyKey, fingerprint, Accepted(message), cancellationToken);
                quotas.Stored(caller.OrganisationId, parts.Sum(p => p.Length));
                return accepted;
            }
            content.DeleteMessage(messageId);
            logger.LogInformation("Submission {MessageId} rejected: {Problem}", messageId, rejection.Slug);
            rejection.Extensions["messageId"] = messageId;
            rejection.Extensions["evidence"] = MessageLinks.For(messageId).Evidence;
            return await RecordAsync(message, DeliveryEventFor(message, EvidenceEvent.SubmissionRejection, now, rejection.Reason), caller, idempotencyKey, fingerprint, Problem(rejection, messageId), cancellationToken);
        }
        catch
        {
            content.DeleteMessage(messageId);
            throw;
        }
    }

    private async Task<SubmissionOutcome> ReplayAsync(IdempotencyRecord previous, SubmissionBodyReader reader, CancellationToken cancellationToken)
    {
        using var fingerprint = new SubmissionFingerprint();
        try
        {
            var (_, raw) = await reader.ReadMetadataAsync(cancellationToken);
            fingerprint.AddMetadata(raw);
        }
        catch (ProblemException problem) when (problem.Slug != IdleTimeoutStream.StalledSlug)
        {
            throw Problems.Problems.IdempotencyKeyReused();
        }
        // A retry whose upload stalls is told so, not that it differs from the first request.
        var (_, stop) = await ReadPartsAsync(reader, fingerprint, storeFor: null, contentKey: null, cancellationToken);
        if (stop?.Slug == IdleTimeoutStream.StalledSlug) throw stop;
        if (!fingerprint.Complete().AsSpan().SequenceEqual(previous.RequestFingerprint)) throw Problems.Problems.IdempotencyKeyReused();
        return new SubmissionOutcome(previous.StatusCode, ContentTypeFor(previous.StatusCode), previous.ResponseBody, previous.Location);
    }

    // Reads every part; stores them only when storeFor is set (otherwise it only fingerprints).
    // Stops at the first problem in the content and returns it as the rejection.
    private async Task<(List<StoredPart> Parts, SubmissionRejectionException? Stop)> ReadPartsAsync(
        SubmissionBodyReader reader, SubmissionFingerprint fingerprint, Guid? storeFor, byte[]? contentKey, CancellationToken cancellationToken)
    {
        var parts = new List<StoredPart>();
        var budget = Options.MaxMessageBytes;
        try
        {
            await reader.ReadPartsAsync(async (part, body) =>
            {
                await using var destination = storeFor is { } id ? content.OpenWrite(id, part.Ordinal, contentKey!) : Stream.Null;
                var (length, sha256) = await PartCopier.CopyAsync(body, destination, budget, cancellationToken);
                (destination as EncryptingWriteStream)?.Complete();
                budget -= length;
                var stored = new StoredPart(part, length, sha256);
                fingerprint.AddPart(stored);
                parts.Add(stored);
            }, cancellationToken);
            return (parts, null);
        }
        catch (Exception ex) when (ex is ContentTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            fingerprint.AddStop("too-large");
            return (parts, Rejections.TooLarge(Options.MaxMessageBytes));
        }
        catch (ProblemException problem)
        {
            fingerprint.AddStop(problem.Slug);
            return (parts, SubmissionRejectionException.From(problem));
        }
    }

    private static (List<(RecipientInput Input, Mailbox? Mailbox)>, SubmissionRejectionException?) ResolveRecipients(SubmissionDraft draft)
    {
        var mailboxes = draft.KnownMailboxes;
        var resolved = draft.Recipients
            .Select(r => (r, r.Scheme == "mailto" ? mailboxes.GetValueOrDefault(Mailbox.KeyOf(r.Identifier!)) : null))
            .ToList();
        // Relaying to other providers is not offered yet: a recipient must have a mailbox here.
        var unknown = resolved.Where(x => x.Item2 is null).Select(x => $"{x.r.Scheme}:{x.r.Identifier}").ToList();
        return (resolved, unknown.Count > 0 ? Rejections.UnknownRecipient(unknown) : null);
    }

    private SubmissionRejectionException? CheckExpiry(SubmissionDraft draft)
    {
        if (draft.ExpiresAt is not { } expiresAt) return null;
        var now = time.GetUtcNow();
        if (expiresAt <= now) return Rejections.BadExpiry("'expiresAt' lies in the past.");
        if (expiresAt - now > Options.MaxExpiry) return Rejections.BadExpiry($"'expiresAt' is more than {Options.MaxExpiry.TotalDays:0} days away.");
        return null;
    }

    private Message NewMessage(Guid id, SubmissionDraft draft, Caller caller, DateTimeOffset now,
        List<(RecipientInput Input, Mailbox? Mailbox)> recipients, SubmissionRejectionException? rejection) => new()
    {
        Id = id,
        SenderOrganisationId = caller.OrganisationId,
        SenderMailboxId = draft.SenderMailbox.Id,
        SenderAddress = draft.SenderAddress,
        SubmittedByUserId = caller.UserId,
        SubmittedByCredentialId = caller.CredentialId,
        Subject = draft.Subject,
        SenderReference = draft.SenderReference,
        ConsignmentMode = draft.Mode,
        Status = rejection is null ? MessageStatus.Accepted : MessageStatus.Rejected,
        RejectionCode = rejection?.Reason.Code,
        RejectionDetails = rejection?.Reason.Details,
        SubmittedAt = now,
        ExpiresAt = rejection is null ? draft.ExpiresAt ?? now + Options.DefaultExpiry : null,
        SenderAuthenticationMethod = caller.AuthenticationMethod,
        SenderAuthenticationTime = caller.AuthenticatedAt,
        SenderAssuranceLevel = caller.AssuranceLevel,
        Recipients = recipients.Select((r, i) => new MessageRecipient
        {
            Id = Guid.NewGuid(),
            MessageId = id,
            Index = i + 1,
            Identifier = r.Input.Identifier!,
            IdentifierScheme = r.Input.Scheme!,
            MailboxId = r.Mailbox?.Id,
        }).ToList(),
    };

    private static MessagePart ToEntity(Guid messageId, StoredPart stored) => new()
    {
        Id = Guid.NewGuid(),
        MessageId = messageId,
        Ordinal = stored.Part.Ordinal,
        PartId = stored.Part.PartId,
        FileName = stored.Part.FileName,
        ContentType = stored.Part.ContentType,
        Length = stored.Length,
        Sha256 = stored.Sha256,
    };

    private static DeliveryEvent DeliveryEventFor(Message message, EvidenceEvent evidenceEvent, DateTimeOffset now, EventReason? reason) =>
        DeliveryEvents.Describe(message.Id, 0, evidenceEvent.Name, now, reason?.Code, reason?.Details);

    private async Task<SubmissionOutcome> RecordAsync(Message message, DeliveryEvent deliveryEvent, Caller caller, string idempotencyKey,
        SubmissionFingerprint fingerprint, SubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        var now = deliveryEvent.OccurredAt;
        db.Messages.Add(message);
        db.Record(deliveryEvent, now);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Id = Guid.NewGuid(),
            OrganisationId = caller.OrganisationId,
            Key = idempotencyKey,
            RequestFingerprint = fingerprint.Complete(),
            StatusCode = outcome.StatusCode,
            ResponseBody = outcome.Body,
            Location = outcome.Location,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A concurrent request with the same key won the race; its answer is the one that counts.
            content.DeleteMessage(message.Id);
            throw Problems.Problems.IdempotencyKeyInProgress();
        }
        metrics.Submitted(message.Status == MessageStatus.Accepted);
        logger.LogInformation("Message {MessageId} recorded as {Status} with {PartCount} parts for {RecipientCount} recipients",
            message.Id, message.Status, message.Parts.Count, message.Recipients.Count);
        return outcome;
    }

    private static SubmissionOutcome Accepted(Message message)
    {
        var links = MessageLinks.For(message.Id);
        var body = new SubmissionAccepted(message.Id, message.Status.ToString(), message.SubmittedAt, links);
        return new SubmissionOutcome(StatusCodes.Status202Accepted, "application/json", JsonSerializer.Serialize(body, Json), links.Self);
    }

    private static SubmissionOutcome Problem(SubmissionRejectionException rejection, Guid messageId) =>
        new(rejection.Status, "application/problem+json",
            JsonSerializer.Serialize(ProblemExceptionHandler.ToDetails(rejection), Json), MessageLinks.For(messageId).Self);

    private static string ContentTypeFor(int status) => status < 400 ? "application/json" : "application/problem+json";
}
