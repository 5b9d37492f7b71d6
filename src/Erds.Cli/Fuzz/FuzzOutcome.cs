namespace Erds.Cli.Fuzz;

// What one input did to the verifier: its verdict, or the exception that escaped (a crash); whether a
// VALID verdict came with content other than the genuine evidence's (the verifier fooled); time and
// bytes allocated.
internal sealed record FuzzOutcome(FuzzInput Input, bool Valid, Exception? Crash, bool Fooled, TimeSpan Elapsed, long AllocatedBytes);
