using Erds.Contracts;
using Erds.Persistence.Entities;
using Erds.Persistence.Outbox;

namespace Erds.Persistence;

public static class DeliveryEvents
{
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
