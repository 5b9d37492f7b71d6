namespace Erds.Evidence.Model;

/// <summary>The phases of delivery that group the ERDS events (EN 319 522-1 §6.2).</summary>
public enum EvidenceEventGroup
{
    /// <summary>Acceptance or rejection by the sender's provider.</summary>
    Submission,
    /// <summary>Hand-over between providers.</summary>
    Relay,
    /// <summary>The recipient's consent (consent consignment mode).</summary>
    Consent,
    /// <summary>Making content available and notifying the recipient.</summary>
    Consignment,
    /// <summary>The recipient's retrieval of the content.</summary>
    Handover,
    /// <summary>Exchanges with systems outside ERDS.</summary>
    NonErds,
}
