namespace Erds.Persistence.Content;

public sealed class ContentIntegrityException(string message) : Exception(message);
