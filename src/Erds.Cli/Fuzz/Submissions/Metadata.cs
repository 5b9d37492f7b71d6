namespace Erds.Cli.Fuzz.Submissions;

// The metadata JSON as an ordered list of members with raw JSON values: a key may be set to anything,
// removed, or given twice.
internal sealed class Metadata
{
    private readonly List<(string Key, string Raw)> _members = [];

    public IReadOnlyList<(string Key, string Raw)> Members => _members;

    public void Set(string key, string raw)
    {
        var at = _members.FindIndex(m => m.Key == key);
        if (at >= 0) _members[at] = (key, raw);
        else _members.Add((key, raw));
    }

    public void Add(string key, string raw) => _members.Add((key, raw));

    public void Remove(string key) => _members.RemoveAll(m => m.Key == key);

    public void Shuffle(Random random)
    {
        var shuffled = _members.OrderBy(_ => random.Next()).ToList();
        _members.Clear();
        _members.AddRange(shuffled);
    }

    public string Text() => "{" + string.Join(",", _members.Select(m => Json.Str(m.Key) + ":" + m.Raw)) + "}";
}
