namespace Erds.Persistence.Entities;

public enum ConsignmentMode
{
    // Content is made available on notification; retrieval is the handover.
    Basic,
    // The recipient must accept (or refuse) before the content is made available.
    Consent,
}
