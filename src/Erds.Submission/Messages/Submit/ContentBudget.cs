namespace Erds.Submission.Messages.Submit;

// How many bytes of content one submission may bring: the provider's limit per message, or less
// when the organisation's storage quota leaves less (QuotaBound tells which refusal to give).
public readonly record struct ContentBudget(long MessageLimit, long Storable)
{
    public long Bytes => Math.Min(MessageLimit, Storable);

    public bool QuotaBound => Storable < MessageLimit;
}
