using Erds.Evidence.Xml;

namespace Erds.Submission;

// The door of the API onto EvidenceText, the one rule set for text that flows into evidence: what
// it refuses never gets stored, so it can never stop a seal later. Each check answers why, in words
// a sender can act on, or null.
public static class TextRules
{
    // Free text people read (subject, reference, refusal reason, file name).
    public static string? FreeTextProblem(string value) => EvidenceText.Problem(value);

    // Identifiers and schemes: the free-text rules, and no white space at all.
    public static string? IdentifierProblem(string value)
    {
        if (value.Length == 0) return "is empty";
        if (EvidenceText.Problem(value) is { } problem) return problem;
        var space = value.FirstOrDefault(char.IsWhiteSpace);
        return space == default ? null : $"contains white space (U+{(int)space:X4})";
    }
}
