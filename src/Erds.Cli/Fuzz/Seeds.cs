namespace Erds.Cli.Fuzz;

// Every input is made from its own generator, seeded by the run's seed and the input's number, so that
// any one input can be made again alone (--seed S --start N --count 1). HashCode.Combine would not do:
// it is seeded anew in every process.
internal static class Seeds
{
    public static Random For(int seed, int index)
    {
        // SplitMix64's finaliser: neighbouring numbers give unrelated generators.
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return new Random(unchecked((int)(z ^ (z >> 31))));
    }
}
