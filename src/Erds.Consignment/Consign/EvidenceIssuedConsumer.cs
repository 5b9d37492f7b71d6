using Erds.Contracts;
using Erds.Evidence.Model;
using Erds.Persistence.Inbox;
using MassTransit;

namespace Erds.Consignment.Consign;

// Consignment starts when the acceptance of the submission has been proven.
public sealed class EvidenceIssuedConsumer(ConsignmentService consignment) : IConsumer<EvidenceIssued>
{
    public Task Consume(ConsumeContext<EvidenceIssued> context) =>
        context.Message.EventName == EvidenceEvent.SubmissionAcceptance.Name
            ? consignment.ConsignAsync(context.Message.MessageId, InboxReceipt.For<EvidenceIssuedConsumer>(context), context.CancellationToken)
            : Task.CompletedTask;
}
