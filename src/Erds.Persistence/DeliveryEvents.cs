using Erds.Contracts;
using Erds.Persistence.Entities;
using Erds.Persistence.Outbox;

namespace Erds.Persistence;

public static class DeliveryEvents
{
    // One event of a message: recipient 0 for the whole message, 1-based otherwise. The actor is the
    // recipient who acted (accepted, refused, retrieved), with how and when they authenticated.
    public static DeliveryEvent Describe(Guid messageId, int recipientIndex, string eventName, DateTimeOffset now,
        string? reasonCode = null, string? reasonDetails = null, DeliveryActor? actor = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        MessageId = messageId,
        RecipientIndex = recipientIndex,
        EventName = eventName,
        OccurredAt = now,
        ReasonCode = reasonCode,
        ReasonDetails = reasonDetails,
        ActorAuthenticationMethod = actor?.AuthenticationMethod,
        ActorAuthenticationTime = actor?.AuthenticationTime,
        ActorAssuranceLevel = actor?.AssuranceLevel,
    };

    // Records an event and queues its announcement in the caller's unit of work; both are saved
    // together or not at all.
    public static DeliveryEvent Record(this ErdsDbContext db, DeliveryEvent deliveryEvent, DateTimeOffset now)
    {
        db.DeliveryEvents.Add(deliveryEvent);
        db.Enqueue(new DeliveryEventRecorded
        {
            DeliveryEventId = deliveryEvent.Id,
            MessageId = deliveryEvent.MessageId,
            RecipientIndex = deliveryEvent.RecipientIndex,
            EventName = deliveryEvent.EventName,
        }, now);
        return deliveryEvent;
    }
}
