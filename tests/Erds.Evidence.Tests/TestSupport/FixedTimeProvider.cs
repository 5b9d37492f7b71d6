namespace Erds.Evidence.Tests.TestSupport;

/// <summary>A clock that stands still, so certificates, tokens and checks see the time the test chose; a test may move it.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
