namespace Erds.Persistence.Entities;

public enum RecipientStatus
{
    Pending,
    Consigned,
    AwaitingAcceptance,
    Accepted,
    Refused,
    HandedOver,
    Expired,
    Failed,
}
