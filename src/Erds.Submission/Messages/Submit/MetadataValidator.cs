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
        else CheckRecipients(metadata.Recipients, errors);
        if (metadata.From is { } from && TextRules.IdentifierProblem(from.Trim()) is { } fromProblem) errors.Add($"'from' {fromProblem}.");
        if (metadata.Subject is { Length: > 998 }) errors.Add("'subject' is at most 998 characters.");
        if (metadata.Subject is { } subject && TextRules.FreeTextProblem(subject) is { } subjectProblem) errors.Add($"'subject' {subjectProblem}.");
        if (metadata.SenderReference is { Length: > 256 }) errors.Add("'senderReference' is at most 256 characters.");
        if (metadata.SenderReference is { } reference && TextRules.FreeTextProblem(reference) is { } referenceProblem) errors.Add($"'senderReference' {referenceProblem}.");
        var mode = ParseMode(metadata.ConsignmentMode, errors);
        if (errors.Count > 0) throw Invalid(errors);

        var recipients = metadata.Recipients!
            .Select(r => new RecipientInput { Identifier = r!.Identifier!.Trim(), Scheme = string.IsNullOrWhiteSpace(r.Scheme) ? "mailto" : r.Scheme.Trim() })
            .ToList();
        // The sender's mailbox and the recipients' in one round trip; which recipients are unknown is
        // decided later, after the sender has passed.
        var key = Mailbox.KeyOf(metadata.From!);
        var keys = recipients.Where(r => r.Scheme == "mailto").Select(r => Mailbox.KeyOf(r.Identifier!)).Append(key).ToList();
        var mailboxes = new Dictionary<string, Mailbox>(StringComparer.Ordinal);
        await foreach (var found in SubmissionQueries.MailboxesByKey.For(db)(db, keys).WithCancellation(cancellationToken)) mailboxes.Add(found.AddressKey, found);
        if (!mailboxes.TryGetValue(key, out var mailbox) || mailbox.OrganisationId != caller.OrganisationId)
        {
            throw Problems.Problems.Forbidden($"'{metadata.From}' is not a mailbox of your organisation.");
        }
        // The sender address is the one given, not the registered spelling: it is never rewritten.
        return new SubmissionDraft(mailbox, metadata.From!.Trim(), recipients, metadata.Subject, metadata.SenderReference, mode, metadata.ExpiresAt, mailboxes);
    }

    private static void CheckRecipients(List<RecipientInput?> recipients, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            if (string.IsNullOrWhiteSpace(recipient?.Identifier))
            {
                errors.Add("Every recipient needs an 'identifier'.");
                return;
            }
            var identifier = recipient.Identifier.Trim();
            var scheme = string.IsNullOrWhiteSpace(recipient.Scheme) ? "mailto" : recipient.Scheme.Trim();
            if (identifier.Length > 320 || scheme.Length > 64)
            {
                errors.Add("Recipient identifiers are at most 320 characters, schemes at most 64.");
                return;
            }
            if ((TextRules.IdentifierProblem(identifier) ?? TextRules.IdentifierProblem(scheme)) is { } problem)
            {
                errors.Add($"Recipient identifier or scheme {problem}.");
                return;
            }
            // The same mailbox twice would make two deliveries nobody can tell apart.
            if (!seen.Add(scheme + ":" + Mailbox.KeyOf(identifier)))
            {
                errors.Add($"Recipient '{identifier}' is listed twice.");
                return;
            }
        }
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
