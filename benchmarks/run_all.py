"""Every benchmark in one go (`make bench`); paste the tables into docs/benchmarks.md."""

from __future__ import annotations

from benchmarks import bench_app, bench_engine, bench_model, bench_spopt


def main() -> None:
    bench_model.main()
    print()
    bench_engine.main()
    print()
    bench_spopt.main()
    print()
    bench_app.main()


if __name__ == "__main__":
    main()
