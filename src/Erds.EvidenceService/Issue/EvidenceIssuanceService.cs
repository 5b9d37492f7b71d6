using Erds.Contracts;
using Erds.Evidence;
using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Persistence.Inbox;
using Erds.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Erds.EvidenceService.Issue;

// Issues the evidence of delivery events, several at once: load their facts, compose, validate, seal
// and timestamp each, then store the evidence, its announcement and the bus messages' inbox receipts
// in one transaction. A redelivered event finds its evidence already stored, and stops; the unique
// keys on the delivery event and on the inbox make a second evidence impossible even under a race.
// Each event succeeds or fails on its own: one that cannot be issued, or whose evidence another
// instance stored first, never takes the others of its batch with it. An event whose content can never
// make a valid evidence is parked instead (ParkedDeliveryEvent, stored with the inbox receipts like an
// evidence): retrying it could only hold consumer slots and stall everyone else's evidence.
public sealed class EvidenceIssuanceService(
    ErdsDbContext db, EvidenceIssuer issuer, EvidenceMetrics metrics, IOptions<EvidenceServiceOptions> options, TimeProvider time,
    ILogger<EvidenceIssuanceService> logger)
{
    // What became of one delivery event, waiting to be stored, with the bus messages that asked for it.
    private abstract record Outcome(IReadOnlyList<PendingEvidence> Requests)
    {
        public abstract Guid MessageId { get; }
    }

    private sealed record Sealed(EvidenceRecord Record, IReadOnlyList<PendingEvidence> Requests, TimeSpan SealDuration) : Outcome(Requests)
    {
        public override Guid MessageId => Record.MessageId;
    }

    private sealed record Parked(ParkedDeliveryEvent Record, IReadOnlyList<PendingEvidence> Requests) : Outcome(Requests)
    {
        public override Guid MessageId => Record.MessageId;
    }

    // For one bus message on its own (and for tests): the same path as a batch of one.
    public async Task IssueAsync(Guid deliveryEventId, InboxReceipt receipt, CancellationToken cancellationToken)
    {
        var pending = new PendingEvidence(deliveryEventId, receipt, correlationId: null);
        await IssueAsync([pending], cancellationToken);
        await pending.Completion;
    }

    // Completes every request of the batch, successfully or with its own failure. Throws only when
    // the batch as a whole could not be started (the facts could not be read): then none is completed.
    public async Task IssueAsync(IReadOnlyList<PendingEvidence> batch, CancellationToken cancellationToken)
    {
        var facts = await EvidenceFactsQuery.LoadAsync(db, batch.Select(p => p.DeliveryEventId).Distinct().ToList(),
            new EvidenceFactsQuery.Issuer(options.Value.ProviderName, issuer.SealCertificate, options.Value.PolicyIds), time.GetUtcNow(), cancellationToken);

        var toSeal = new List<(EvidenceFacts Facts, List<PendingEvidence> Requests)>();
        foreach (var requests in batch.GroupBy(p => p.DeliveryEventId))
        {
            if (!facts.TryGetValue(requests.Key, out var eventFacts))
            {
                FailAll(requests, new InvalidOperationException($"Delivery event {requests.Key} does not exist."));
            }
            else if (eventFacts is null)
            {
                // The evidence is this consumer's only effect and is saved with its inbox receipt, so a
                // stored evidence answers for a handled bus message too.
                foreach (var request in requests)
                {
                    using (LogScope(request, messageId: null))
                    {
                        logger.LogInformation("Evidence for delivery event {DeliveryEventId} already issued", request.DeliveryEventId);
                    }
                    request.Succeed();
                }
            }
            else
            {
                toSeal.Add((eventFacts, requests.ToList()));
            }
        }

        var outcomes = new Outcome?[toSeal.Count];
        // Sealing is CPU work (and a round trip when the timestamp authority is external): the events of
        // a batch are sealed side by side.
        await Parallel.ForEachAsync(Enumerable.Range(0, toSeal.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await SealAsync(toSeal[i].Facts, toSeal[i].Requests, token));

        await StoreAsync(outcomes.OfType<Outcome>().ToList(), cancellationToken);
    }

    private async Task<Outcome?> SealAsync(EvidenceFacts facts, List<PendingEvidence> requests, CancellationToken cancellationToken)
    {
        try
        {
            var sealing = time.GetTimestamp();
            var issued = await issuer.IssueAsync(Compose(facts), cancellationToken);
            var sealDuration = time.GetElapsedTime(sealing);
            var record = new EvidenceRecord
            {
                Id = facts.EvidenceId,
                DeliveryEventId = facts.DeliveryEvent.Id,
                MessageId = facts.Message.Id,
                RecipientIndex = facts.DeliveryEvent.RecipientIndex,
                EventName = facts.DeliveryEvent.EventName,
                EventTime = facts.DeliveryEvent.OccurredAt,
                IssuedAt = time.GetUtcNow(),
                Xml = issued.Xml,
                Sha256 = issued.Sha256,
            };
            return new Sealed(record, requests, sealDuration);
        }
        catch (UnsealableEvidenceException ex)
        {
            return new Parked(new ParkedDeliveryEvent
            {
                DeliveryEventId = facts.DeliveryEvent.Id,
                MessageId = facts.Message.Id,
                RecipientIndex = facts.DeliveryEvent.RecipientIndex,
                EventName = facts.DeliveryEvent.EventName,
                Reason = ex.Message.Truncate(ParkedDeliveryEvent.MaxReasonLength),
                ParkedAt = time.GetUtcNow(),
            }, requests);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            FailAll(requests, ex);
            return null;
        }
    }

    // What the database holds about an event decides its evidence: a fact no evidence can state (an
    // event name not of EN 319 522) is as final as text XML cannot carry.
    private static Evidence.Model.EvidenceDocument Compose(EvidenceFacts facts)
    {
        try
        {
            return EvidenceComposer.Compose(facts);
        }
        catch (FormatException ex)
        {
            throw new UnsealableEvidenceException($"The evidence cannot be composed: {ex.Message}", ex);
        }
    }

    // All in one transaction; when that fails, each on its own, so that a duplicate or a bad row
    // fails only its own requests.
    private async Task StoreAsync(IReadOnlyList<Outcome> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return;
        var now = time.GetUtcNow();
        foreach (var item in items) Add(item, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            if (items.Count > 1)
            {
                foreach (var item in items) await StoreAsync([item], cancellationToken);
                return;
            }
            var single = items[0];
            if (ex is DbUpdateException update && UniqueViolation.Is(update))
            {
                using (LogScope(single.Requests[0], single.MessageId))
                {
                    logger.LogInformation("Evidence for delivery event {DeliveryEventId} or its bus message was recorded concurrently; keeping the first", single.Requests[0].DeliveryEventId);
                }
                foreach (var request in single.Requests) request.Succeed();
            }
            else
            {
                FailAll(single.Requests, ex);
            }
            return;
        }
        foreach (var item in items)
        {
            Report(item);
            foreach (var request in item.Requests) request.Succeed();
        }
    }

    private void Report(Outcome item)
    {
        if (item is Parked parked)
        {
            metrics.Parked(parked.Record.EventName);
            using (LogScope(item.Requests[0], item.MessageId))
            {
                logger.LogError("Parked {EventName} delivery event {DeliveryEventId} of message {MessageId} recipient {RecipientIndex}: {Reason}",
                    parked.Record.EventName, parked.Record.DeliveryEventId, parked.Record.MessageId, parked.Record.RecipientIndex, parked.Record.Reason);
            }
            return;
        }
        var issued = (Sealed)item;
        metrics.Issued(issued.Record.EventName, issued.SealDuration, issued.Record.IssuedAt - issued.Record.EventTime);
        foreach (var request in item.Requests)
        {
            using (LogScope(request, item.MessageId))
            {
                logger.LogInformation("Issued {EventName} evidence {EvidenceId} for message {MessageId} recipient {RecipientIndex}",
                    issued.Record.EventName, issued.Record.Id, issued.Record.MessageId, issued.Record.RecipientIndex);
            }
        }
    }

    private void Add(Outcome item, DateTimeOffset now)
    {
        // The same bus message twice in one batch (a redelivery overtaking its first delivery) has one receipt.
        foreach (var request in item.Requests.DistinctBy(r => r.Receipt)) db.RecordConsumed(request.Receipt, now);
        if (item is Parked parked)
        {
            db.ParkedDeliveryEvents.Add(parked.Record);
            return;
        }
        var record = ((Sealed)item).Record;
        db.Evidence.Add(record);
        if (EvidenceAnnouncements.StartsFurtherWork(record.EventName))
        {
            db.Enqueue(new EvidenceIssued
            {
                EvidenceId = record.Id,
                DeliveryEventId = record.DeliveryEventId,
                MessageId = record.MessageId,
                RecipientIndex = record.RecipientIndex,
                EventName = record.EventName,
                EventTime = record.EventTime,
            }, now).CorrelationId = item.Requests[0].CorrelationId;
        }
    }

    private static void FailAll(IEnumerable<PendingEvidence> requests, Exception reason)
    {
        foreach (var request in requests) request.Fail(reason);
    }

    // The batch is handled apart from the bus messages' own log context: each line names its message.
    private IDisposable? LogScope(PendingEvidence request, Guid? messageId)
    {
        var properties = new Dictionary<string, object?> { [LogProperties.BusMessageId] = request.Receipt.MessageId };
        if (request.CorrelationId is { } correlationId) properties[LogProperties.CorrelationId] = correlationId;
        if (messageId is { } id) properties[LogProperties.MessageId] = id;
        return logger.BeginScope(properties);
    }
}
