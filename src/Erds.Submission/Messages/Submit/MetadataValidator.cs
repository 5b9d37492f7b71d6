using Erds.Persistence;
using Erds.Persistence.Entities;
using Erds.Submission.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Erds.Submission.Messages.Submit;

// Structural checks of the metadata. Failing them means the request never became a message: a 400
// or 403 without an id and without evidence.
public sealed class MetadataValidator(ErdsDbContext db, SubmissionOptions options)
{
    public async Task<SubmissionDraft> ValidateAsync(SubmissionMetadata metadata, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(metadata.From)) errors.Add("'from' (the sender mailbox) is required.");
        if (metadata.Recipients is not { Count: > 0 }) errors.Add("'recipients' needs at least one recipient.");
        else if (metadata.Recipients.Count > options.MaxRecipients) errors.Add($"At most {options.MaxRecipients} recipients.");
        else if (metadata.Recipients.Any(r => string.IsNullOrWhiteSpace(r.Identifier))) errors.Add("Every recipient needs an 'identifier'.");
        if (metadata.Subject is { Length: > 998 }) errors.Add("'subject' is at most 998 characters.");
        if (metadata.SenderReference is { Length: > 256 }) errors.Add("'senderReference' is at most 256 characters.");
        var mode = ParseMode(metadata.ConsignmentMode, errors);
        if (errors.Count > 0) throw Invalid(errors);

        var key = Mailbox.KeyOf(metadata.From!);
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.AddressKey == key, cancellationToken);
        if (mailbox is null || mailbox.OrganisationId != caller.OrganisationId)
        {
            throw Problems.Problems.Forbidden($"'{metadata.From}' is not a mailbox of your organisation.");
        }
        var recipients = metadata.Recipients!
            .Select(r => new RecipientInput { Identifier = r.Identifier!.Trim(), Scheme = string.IsNullOrWhiteSpace(r.Scheme) ? "mailto" : r.Scheme.Trim() })
            .ToList();
        // The sender address is the one given, not the registered spelling: it is never rewritten.
        return new SubmissionDraft(mailbox, metadata.From!.Trim(), recipients, metadata.Subject, metadata.SenderReference, mode, metadata.ExpiresAt);
    }

    private static ConsignmentMode ParseMode(string? value, List<string> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "basic": return ConsignmentMode.Basic;
            case "consent": return ConsignmentMode.Consent;
            default:
                errors.Add("'consignmentMode' is 'basic' or 'consent'.");
                return ConsignmentMode.Basic;
        }
    }

    private static Problems.ProblemException Invalid(List<string> errors)
    {
        var problem = Problems.Problems.MalformedRequest("The metadata is incomplete or invalid: " + string.Join(" ", errors));
        problem.Extensions["errors"] = errors;
        return problem;
    }
}
