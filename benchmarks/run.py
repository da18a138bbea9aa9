#!/usr/bin/env python
"""Run every benchmark of benchmarks/ in turn, each in its own process, with the same environment.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/run.py

Order: bench_load_search (empties the database and loads the demo at 100.000 persons), bench_reports (the
headcount report against hand-written SQL on those data), bench_import (Excel import against a raw insert, in a
throwaway database of its own), bench_training (the training report at 1.000.000 enrolments against hand-written
SQL, and bulk enrolment of 5.000 persons, in a throwaway database of its own), bench_standards (the bulk standards
check of 100.000 persons against hand-written SQL, in a throwaway database of its own). A missing script is
skipped with a message; the exit code is non-zero if any benchmark failed.
"""

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    "bench_load_search.py",
    "bench_reports.py",
    "bench_jobs.py",
    "bench_import.py",
    "bench_training.py",
    "bench_standards.py",
]


def main(argv: list[str]) -> int:
    failed = []
    for name in BENCHMARKS:
        script = HERE / name
        print(f"\n=== {name} ===", flush=True)
        if not script.exists():
            print(f"(bỏ qua: chưa có {name})")
            continue
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *argv_for(name, argv)], cwd=HERE.parent)
        print(f"--- {name}: mã thoát {code}, {time.perf_counter() - started:.0f} giây", flush=True)
        if code:
            failed.append(name)
    if failed:
        print("\nBenchmark lỗi: " + ", ".join(failed))
        return 1
    return 0


def argv_for(name: str, argv: list[str]) -> list[str]:
    """`run.py --scale 20000` passes --scale to bench_load_search only; other scripts keep their defaults."""
    return argv if name == "bench_load_search.py" else []


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
