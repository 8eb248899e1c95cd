"""Speed benchmarks, run by hand (`make bench`); figures go into docs/benchmarks.md."""
