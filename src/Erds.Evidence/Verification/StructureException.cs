namespace Erds.Evidence.Verification;

/// <summary>The signature is not shaped like the profile this provider issues; the message says where.</summary>
internal sealed class StructureException(string message) : Exception(message);
