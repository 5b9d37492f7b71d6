namespace Erds.Persistence.Entities;

public enum MessageStatus
{
    Accepted,
    Rejected,
}
