namespace Erds.Submission.Messages.Submit;

public sealed record RecipientInput
{
    public string? Identifier { get; init; }

    // Identifier scheme; "mailto" when omitted.
    public string? Scheme { get; init; }
}
