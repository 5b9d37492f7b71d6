using Erds.Evidence.Model;
using Xunit;

namespace Erds.Evidence.Tests.Xml;

/// <summary>Every ETSI event, by name, as theory data (names keep test cases readable and serializable).</summary>
public sealed class EventNames : TheoryData<string>
{
    public EventNames()
    {
        foreach (var evidenceEvent in EvidenceEvent.All) Add(evidenceEvent.Name);
    }
}
