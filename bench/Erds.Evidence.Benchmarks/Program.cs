using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Erds.Evidence.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Erds.Evidence.Benchmarks.EvidencePipelineBenchmarks).Assembly).Run(args);
