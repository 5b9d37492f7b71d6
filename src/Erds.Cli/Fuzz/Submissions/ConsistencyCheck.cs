using Erds.Evidence.Model;
using Erds.Persistence;
using Erds.Persistence.Content;
using Erds.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Erds.Cli.Fuzz.Submissions;

// After a fuzz run: what the submissions left behind must hang together. Every message has exactly one
// submission event (SubmissionAcceptance when accepted, SubmissionRejection when rejected); accepted
// messages have their parts and the files of those parts, and nothing else, in content storage;
// rejected ones have neither; no content directory without an accepted message; every idempotency
// record's Location names an existing message; every submission event is evidenced or parked (after
// waiting up to a bound for the evidence service to catch up).
internal sealed class ConsistencyCheck(ErdsDbContext db, string contentDirectory)
{
    private static readonly string Acceptance = EvidenceEvent.SubmissionAcceptance.Name;
    private static readonly string Rejection = EvidenceEvent.SubmissionRejection.Name;

    public async Task<ConsistencyReport> RunAsync(TimeSpan wait, TextWriter progress, CancellationToken cancellationToken)
    {
        var report = new ConsistencyReport();
        var waited = await WaitForEvidenceAsync(wait, progress, cancellationToken);

        var messages = await db.Messages.AsNoTracking()
            .Select(m => new { m.Id, m.Status, m.ContentDeletedAt, HasKey = m.WrappedContentKey != null })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var events = await db.DeliveryEvents.AsNoTracking()
            .Where(e => e.EventName == Acceptance || e.EventName == Rejection)
            .Select(e => new { e.Id, e.MessageId, e.EventName, e.RecipientIndex })
            .ToListAsync(cancellationToken);
        var parts = (await db.MessageParts.AsNoTracking().Select(p => new { p.MessageId, p.Ordinal }).ToListAsync(cancellationToken))
            .ToLookup(p => p.MessageId, p => p.Ordinal);
        var evidenced = (await db.Evidence.AsNoTracking().Select(r => r.DeliveryEventId).ToListAsync(cancellationToken)).ToHashSet();
        var parked = (await db.ParkedDeliveryEvents.AsNoTracking().Select(p => p.DeliveryEventId).ToListAsync(cancellationToken)).ToHashSet();
        var keys = await db.IdempotencyRecords.AsNoTracking().Select(r => new { r.Key, r.StatusCode, r.Location }).ToListAsync(cancellationToken);
        var store = new ContentStore(contentDirectory);

        var eventsOf = events.ToLookup(e => e.MessageId);
        var oneEvent = report.Check("every message has exactly one submission event, matching its status", messages.Count);
        foreach (var (id, message) in messages)
        {
            var own = eventsOf[id].ToList();
            var expected = message.Status == MessageStatus.Accepted ? Acceptance : Rejection;
            if (own.Count != 1 || own[0].EventName != expected || own[0].RecipientIndex != 0)
                oneEvent.Problem($"message {id} ({message.Status}) has {string.Join(", ", own.Select(e => $"{e.EventName} for recipient {e.RecipientIndex}").DefaultIfEmpty("no submission event"))}");
        }
        var orphanEvents = report.Check("every submission event belongs to a message", events.Count);
        foreach (var e in events.Where(e => !messages.ContainsKey(e.MessageId))) orphanEvents.Problem($"{e.EventName} {e.Id} names message {e.MessageId}, which does not exist");

        var accepted = messages.Values.Where(m => m.Status == MessageStatus.Accepted).ToList();
        var acceptedContent = report.Check("accepted messages have parts, a content key and every part's file (and no other file)", accepted.Count);
        foreach (var message in accepted)
        {
            var ordinals = parts[message.Id].ToList();
            if (ordinals.Count == 0) acceptedContent.Problem($"accepted message {message.Id} has no parts");
            if (!message.HasKey) acceptedContent.Problem($"accepted message {message.Id} has no content key");
            if (message.ContentDeletedAt is not null) continue;
            foreach (var ordinal in ordinals.Where(o => !store.Exists(message.Id, o))) acceptedContent.Problem($"accepted message {message.Id}: the file of part {ordinal} is missing");
            var files = FilesOf(message.Id);
            foreach (var extra in files.Except(ordinals.Select(o => $"{o:D4}.part"))) acceptedContent.Problem($"accepted message {message.Id}: unexpected file {extra} in its content directory");
        }

        var rejected = messages.Values.Where(m => m.Status == MessageStatus.Rejected).ToList();
        var rejectedContent = report.Check("rejected messages have no parts and no content on disk", rejected.Count);
        foreach (var message in rejected)
        {
            if (parts[message.Id].Any()) rejectedContent.Problem($"rejected message {message.Id} has {parts[message.Id].Count()} parts");
            if (Directory.Exists(DirectoryOf(message.Id))) rejectedContent.Problem($"rejected message {message.Id} has a content directory");
        }

        var directories = Directory.Exists(contentDirectory)
            ? Directory.EnumerateDirectories(contentDirectory).SelectMany(Directory.EnumerateDirectories).ToList()
            : [];
        var owned = report.Check("every content directory belongs to an accepted message", directories.Count);
        foreach (var directory in directories)
        {
            var name = Path.GetFileName(directory);
            if (!Guid.TryParseExact(name, "N", out var id) || !messages.TryGetValue(id, out var message))
                owned.Problem($"content directory {name} has no message");
            else if (message.Status != MessageStatus.Accepted)
                owned.Problem($"content directory {name} belongs to a {message.Status} message");
        }
        var strayFiles = Directory.Exists(contentDirectory) ? Directory.EnumerateFiles(contentDirectory, "*", SearchOption.TopDirectoryOnly).Concat(Directory.EnumerateDirectories(contentDirectory).SelectMany(d => Directory.EnumerateFiles(d))).ToList() : [];
        foreach (var stray in strayFiles) owned.Problem($"file {Path.GetRelativePath(contentDirectory, stray)} outside any message's directory");

        var located = report.Check("every idempotency record's answer names an existing message (202 an accepted one)", keys.Count);
        foreach (var record in keys)
        {
            if (record.Location is null)
            {
                if (record.StatusCode < 300) located.Problem($"key {record.Key}: answer {record.StatusCode} without a Location");
                continue;
            }
            var last = record.Location.TrimEnd('/').Split('/')[^1];
            if (!Guid.TryParse(last, out var id) || !messages.TryGetValue(id, out var message))
                located.Problem($"key {record.Key}: Location {record.Location} names no message");
            else if ((record.StatusCode < 300) != (message.Status == MessageStatus.Accepted))
                located.Problem($"key {record.Key}: answer {record.StatusCode} for a {message.Status} message {id}");
        }

        var sealedOrParked = report.Check($"every submission event is evidenced or parked (waited {waited.TotalSeconds:0} s)", events.Count);
        foreach (var e in events.Where(e => !evidenced.Contains(e.Id) && !parked.Contains(e.Id)))
            sealedOrParked.Problem($"{e.EventName} {e.Id} of message {e.MessageId} has neither evidence nor a parked record");
        report.Parked = events.Count(e => parked.Contains(e.Id));
        report.Evidenced = events.Count(e => evidenced.Contains(e.Id));
        return report;

        IEnumerable<string> FilesOf(Guid id) => Directory.Exists(DirectoryOf(id)) ? Directory.EnumerateFileSystemEntries(DirectoryOf(id)).Select(Path.GetFileName).OfType<string>() : [];
        string DirectoryOf(Guid id) => Path.Combine(contentDirectory, id.ToString("N")[..2], id.ToString("N"));
    }

    // Evidence is issued after the answer: wait until no submission event is left without evidence or a
    // parked record, or the bound has passed, printing what is still open.
    private async Task<TimeSpan> WaitForEvidenceAsync(TimeSpan wait, TextWriter progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            var open = await db.DeliveryEvents.AsNoTracking()
                .Where(e => e.EventName == Acceptance || e.EventName == Rejection)
                .Where(e => !db.Evidence.Any(r => r.DeliveryEventId == e.Id) && !db.ParkedDeliveryEvents.Any(p => p.DeliveryEventId == e.Id))
                .CountAsync(cancellationToken);
            var waited = DateTimeOffset.UtcNow - started;
            if (open == 0 || waited >= wait) return waited;
            progress.WriteLine($"check: {open} submission events without evidence yet; waiting (up to {wait.TotalSeconds:0} s)");
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }
}
