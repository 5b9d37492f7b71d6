namespace Erds.Cli.Fuzz.Submissions;

// The checks a consistency check made, each with how many things it looked at and what was wrong.
internal sealed class ConsistencyReport
{
    private readonly List<Item> _checks = [];

    public int Evidenced { get; set; }
    public int Parked { get; set; }
    public int Problems => _checks.Sum(c => c.Problems.Count);
    public bool Consistent => Problems == 0;

    public Item Check(string what, int count)
    {
        var item = new Item(what, count);
        _checks.Add(item);
        return item;
    }

    public void Print(TextWriter output)
    {
        foreach (var check in _checks)
        {
            output.WriteLine($"{(check.Problems.Count == 0 ? "ok  " : "FAIL")} {check.What}: {check.Count} checked, {check.Problems.Count} problems");
            foreach (var problem in check.Problems.Take(20)) output.WriteLine("       " + problem);
            if (check.Problems.Count > 20) output.WriteLine($"       ... and {check.Problems.Count - 20} more");
        }
        output.WriteLine($"submission events: {Evidenced} evidenced, {Parked} parked; {(Consistent ? "consistent" : $"{Problems} inconsistencies")}");
    }

    public sealed record Item(string What, int Count)
    {
        public List<string> Problems { get; } = [];
        public void Problem(string text) => Problems.Add(text);
    }
}
