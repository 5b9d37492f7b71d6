namespace Erds.Evidence.Xml;

/// <summary>Thrown when an evidence document is not valid against the ETSI EN 319 522-3 schema.</summary>
public sealed class EvidenceSchemaException : Exception
{
    private const int ErrorsInMessage = 20;

    /// <summary>Creates the exception for <paramref name="errors"/>, which the message lists.</summary>
    public EvidenceSchemaException(IReadOnlyList<EvidenceSchemaError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Every violation found.</summary>
    public IReadOnlyList<EvidenceSchemaError> Errors { get; }

    private static string Describe(IReadOnlyList<EvidenceSchemaError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = errors.Take(ErrorsInMessage).Select(e => $"{Environment.NewLine} - {e}");
        var more = errors.Count > ErrorsInMessage ? $"{Environment.NewLine} - ... and {errors.Count - ErrorsInMessage} more" : string.Empty;
        return $"The evidence is not valid against the ETSI EN 319 522-3 schema ({errors.Count} error(s)):{string.Concat(lines)}{more}";
    }
}
