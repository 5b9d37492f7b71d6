using Microsoft.Extensions.Options;

namespace Erds.ServiceDefaults;

// Checked when the host starts, so that a mistyped transport or retry setting stops it with a message
// instead of surfacing as messages that never arrive or are never retried.
internal sealed class BusOptionsValidation : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        List<string> failures = [];
        if (options.Transport is not ("InMemory" or "RabbitMq")) failures.Add($"{BusOptions.Section}:Transport '{options.Transport}' is neither InMemory nor RabbitMq.");
        if (options.PrefetchCount <= 0) failures.Add($"{BusOptions.Section}:PrefetchCount must be positive.");
        if (options.ImmediateRetries is < 0 or > 10) failures.Add($"{BusOptions.Section}:ImmediateRetries must be between 0 and 10.");
        if (options.RetryIntervals is { } intervals)
        {
            if (intervals.Any(i => i <= TimeSpan.Zero)) failures.Add($"{BusOptions.Section}:RetryIntervals must all be positive.");
            if (intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + i) > BusOptions.MaxTotalRetryDelay)
            {
                failures.Add($"{BusOptions.Section}:RetryIntervals add up to more than {BusOptions.MaxTotalRetryDelay}: a message waits unacknowledged that long.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
