namespace Erds.Evidence.Tests.TestSupport;

/// <summary>A clock that stands still, so certificates, tokens and checks see the time the test chose.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
