using Xunit;

namespace Erds.Host.Tests.Distributed;

// The distributed tests share one broker: they run one after the other.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DistributedCollection
{
    public const string Name = "Distributed";
}
