namespace Erds.Submission.Limits;

// Endpoint metadata: requests to this endpoint count against the organisation's submissions at once.
public sealed class CountedAsSubmission;
