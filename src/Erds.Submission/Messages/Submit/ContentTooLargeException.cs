namespace Erds.Submission.Messages.Submit;

public sealed class ContentTooLargeException() : Exception("The message content exceeds the provider's size limit.");
