namespace Erds.Persistence.Entities;

// What an access log entry records. Names are stable: auditors filter on them.
public static class AccessActions
{
    public const string ContentRetrieve = "content.retrieve";
    public const string ContentPart = "content.part";
    public const string EvidenceRead = "evidence.read";
    public const string EvidenceList = "evidence.list";
    public const string EvidenceListMany = "evidence.list-many";
    public const string AuthenticationFailed = "authentication.failed";
    public const string ScopeDenied = "authorization.denied";
    public const string TokenIssue = "token.issue";
    public const string TokenRotate = "token.rotate";
    public const string TokenRevoke = "token.revoke";
    public const string AccessLogRead = "access-log.read";

    public static readonly IReadOnlyList<string> All =
    [
        ContentRetrieve, ContentPart, EvidenceRead, EvidenceList, EvidenceListMany, AuthenticationFailed, ScopeDenied,
        TokenIssue, TokenRotate, TokenRevoke, AccessLogRead,
    ];
}
