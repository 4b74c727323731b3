"""eval: known-answer sets, the runner, metrics, baselines and benchmarks."""
