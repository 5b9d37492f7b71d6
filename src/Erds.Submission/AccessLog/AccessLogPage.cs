namespace Erds.Submission.AccessLog;

// Newest first. NextCursor, when present, asks for the entries that follow (pass it as ?cursor=); Next
// is the same as a link with the same filters.
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntryView> Entries, string? NextCursor, string? Next);
