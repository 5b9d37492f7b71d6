namespace Erds.Evidence.Tests.Xml;

/// <summary>What xmllint said about one document.</summary>
internal sealed record XmllintResult(int ExitCode, string Output)
{
    public bool IsValid => ExitCode == 0;
}
