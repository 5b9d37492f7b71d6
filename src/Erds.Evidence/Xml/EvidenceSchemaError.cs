namespace Erds.Evidence.Xml;

/// <summary>One schema violation found in an evidence document.</summary>
/// <param name="Message">What is wrong, as the validator words it (names the element and what was expected).</param>
/// <param name="LineNumber">The 1-based line in the serialized document, when known.</param>
/// <param name="LinePosition">The 1-based position in that line, when known.</param>
public sealed record EvidenceSchemaError(string Message, int? LineNumber, int? LinePosition)
{
    /// <inheritdoc />
    public override string ToString() =>
        LineNumber is { } line ? $"line {line}, position {LinePosition}: {Message}" : Message;
}
