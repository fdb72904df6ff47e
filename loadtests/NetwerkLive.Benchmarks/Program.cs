using BenchmarkDotNet.Running;
using NetwerkLive.Benchmarks;

// dotnet run -c Release --project loadtests/NetwerkLive.Benchmarks -- --filter '*Pairing*'
BenchmarkSwitcher.FromAssembly(typeof(PairingBenchmarks).Assembly).Run(args);
