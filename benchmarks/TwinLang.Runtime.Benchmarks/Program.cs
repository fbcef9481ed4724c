using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using TwinLang.Runtime.Benchmarks;

var config = DefaultConfig.Instance.AddColumn(new StepsPerSecondColumn(), new StiffWorkColumn());
BenchmarkSwitcher.FromAssembly(typeof(SolverStepBenchmarks).Assembly).Run(args, config);
