using System.Security.Cryptography;
using Erds.Persistence.Entities;
using Erds.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Erds.Persistence.Tests.Shared;

// What is written is what is read, on every provider: evidence byte for byte, instants as the same
// instant in UTC (whole microseconds: PostgreSQL keeps no finer), enums and optional values as given.
public abstract class ModelRoundTripTests(ITestDatabase database)
{
    // 13:45:12.123456 at +02:00, i.e. 11:45:12.123456 UTC.
    private static readonly DateTimeOffset Submitted = new DateTimeOffset(2026, 11, 25, 13, 45, 12, TimeSpan.FromHours(2)).AddTicks(1_234_560);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_with_recipients_parts_events_and_evidence_reads_back_as_written()
    {
        var (organisation, mailbox, message, deliveryEvent, evidence) = Sample();
        await using (var db = database.Open())
        {
            db.AddRange(organisation, mailbox, message, deliveryEvent, evidence);
            await db.SaveChangesAsync(Cancel);
        }

        await using var fresh = database.Open();
        var read = await fresh.Messages.AsNoTracking().AsSplitQuery().Include(m => m.Recipients).Include(m => m.Parts).SingleAsync(m => m.Id == message.Id, Cancel);
        Assert.Equal(message.SenderAddress, read.SenderAddress);
        Assert.Equal(message.Subject, read.Subject);
        Assert.Equal(ConsignmentMode.Consent, read.ConsignmentMode);
        Assert.Equal(MessageStatus.Accepted, read.Status);
        Assert.Equal(message.WrappedContentKey, read.WrappedContentKey);
        Assert.Null(read.ContentDeletedAt);
        AssertSameInstantInUtc(message.SubmittedAt, read.SubmittedAt);
        AssertSameInstantInUtc(message.ExpiresAt!.Value, read.ExpiresAt!.Value);
        Assert.Equal([(1, "kantoor@advocaat.example", mailbox.Id), (2, "extern@elders.example", (Guid?)null)],
            read.Recipients.OrderBy(r => r.Index).Select(r => (r.Index, r.Identifier, r.MailboxId)));
        Assert.Equal(message.Parts.Select(p => (p.PartId, p.FileName, p.Length, p.Sha256)), read.Parts.OrderBy(p => p.Ordinal).Select(p => (p.PartId, p.FileName, p.Length, p.Sha256)));

        var readEvidence = await fresh.Evidence.AsNoTracking().SingleAsync(e => e.Id == evidence.Id, Cancel);
        Assert.Equal(evidence.Xml, readEvidence.Xml);
        Assert.Equal(evidence.Sha256, readEvidence.Sha256);
        AssertSameInstantInUtc(evidence.EventTime, readEvidence.EventTime);
        var readEvent = await fresh.DeliveryEvents.AsNoTracking().SingleAsync(e => e.Id == deliveryEvent.Id, Cancel);
        AssertSameInstantInUtc(deliveryEvent.ActorAuthenticationTime!.Value, readEvent.ActorAuthenticationTime!.Value);
    }

    [Fact]
    public async Task Instants_are_compared_by_the_database_as_instants()
    {
        var (organisation, mailbox, message, _, _) = Sample();
        await using (var db = database.Open())
        {
            db.AddRange(organisation, mailbox, message);
            await db.SaveChangesAsync(Cancel);
        }
        await using var fresh = database.Open();
        // The same instant written with another offset: one tick (or microsecond) either side decides.
        var expiry = message.ExpiresAt!.Value.ToOffset(TimeSpan.FromHours(-5));
        Assert.True(await fresh.Messages.AnyAsync(m => m.Id == message.Id && m.ExpiresAt <= expiry, Cancel));
        Assert.False(await fresh.Messages.AnyAsync(m => m.Id == message.Id && m.ExpiresAt < expiry, Cancel));
        Assert.False(await fresh.Messages.AnyAsync(m => m.Id == message.Id && m.ExpiresAt <= expiry.AddTicks(-10), Cancel));
    }

    private static void AssertSameInstantInUtc(DateTimeOffset written, DateTimeOffset read)
    {
        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(written.UtcDateTime, read.UtcDateTime);
    }

    private static (Organisation, Mailbox, Message, DeliveryEvent, EvidenceRecord) Sample()
    {
        var organisation = Seed.Organisation();
        var mailbox = Seed.Mailbox(organisation.Id, $"kantoor-{Guid.NewGuid():N}@advocaat.example");
        var messageId = Guid.NewGuid();
        var message = new Message
        {
            Id = messageId, SenderOrganisationId = organisation.Id, SenderAddress = "Griffie@Rechtbank.example",
            Subject = "Dagvaarding C/13/123456 — ‘spoed’", ConsignmentMode = ConsignmentMode.Consent, Status = MessageStatus.Accepted,
            SubmittedAt = Submitted, ExpiresAt = Submitted.AddDays(14).ToOffset(TimeSpan.FromHours(-3)),
            SenderAuthenticationMethod = AuthenticationMethods.ApiToken, SenderAuthenticationTime = Submitted, SenderAssuranceLevel = AssuranceLevels.High,
            WrappedContentKey = RandomNumberGenerator.GetBytes(60),
            Recipients =
            [
                new MessageRecipient { Id = Guid.NewGuid(), MessageId = messageId, Index = 1, Identifier = "kantoor@advocaat.example", IdentifierScheme = "mailto", MailboxId = mailbox.Id },
                new MessageRecipient { Id = Guid.NewGuid(), MessageId = messageId, Index = 2, Identifier = "extern@elders.example", IdentifierScheme = "mailto" },
            ],
            Parts =
            [
                new MessagePart { Id = Guid.NewGuid(), MessageId = messageId, Ordinal = 0, PartId = "body", ContentType = "text/plain", Length = 12, Sha256 = SHA256.HashData("body"u8) },
                new MessagePart { Id = Guid.NewGuid(), MessageId = messageId, Ordinal = 1, PartId = "attachment-1", FileName = "dagvaarding.pdf", ContentType = "application/pdf", Length = 4096, Sha256 = SHA256.HashData("pdf"u8) },
            ],
        };
        var deliveryEvent = new DeliveryEvent
        {
            Id = Guid.NewGuid(), MessageId = messageId, RecipientIndex = 1, EventName = "ContentHandover", OccurredAt = Submitted.AddHours(1),
            ActorAuthenticationMethod = AuthenticationMethods.ApiToken, ActorAuthenticationTime = Submitted.AddMinutes(59).ToOffset(TimeSpan.FromHours(9)),
            ActorAssuranceLevel = AssuranceLevels.Substantial,
        };
        // Every byte value, zeros included, and more than a page.
        var xml = new byte[300_000];
        for (var i = 0; i < xml.Length; i++) xml[i] = (byte)(i * 7 % 256);
        var evidence = new EvidenceRecord
        {
            Id = Guid.NewGuid(), DeliveryEventId = deliveryEvent.Id, MessageId = messageId, RecipientIndex = 1, EventName = deliveryEvent.EventName,
            EventTime = deliveryEvent.OccurredAt, IssuedAt = Submitted.AddHours(1).AddSeconds(1), Xml = xml, Sha256 = SHA256.HashData(xml),
        };
        return (organisation, mailbox, message, deliveryEvent, evidence);
    }
}
