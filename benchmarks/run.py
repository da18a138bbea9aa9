#!/usr/bin/env python
"""Run every benchmark of benchmarks/ in turn, each in its own process, then print ONE table of all figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench python benchmarks/run.py [--scale 100000] [--keep]
        [--only bench_pages,bench_reports]

Registering a benchmark: put a script named `bench_<what>.py` in benchmarks/ that records its figures with
`common.record(...)` and checks its data with `common.require(...)`. The scripts named in FIRST run first, in that
order (bench_load_search loads the demo that the others measure); every other bench_*.py runs after them, in
alphabetical order. Each script's figures land in one file (BENCH_RESULTS) and the table is printed at the end.

`--scale N` and `--keep` go to bench_load_search only (`--keep`: measure on the data already loaded, after
checking they are there). Once bench_load_search has loaded the demo (not with --keep), the scripts that work in a
throwaway database of their own (bench_standards, bench_training) start it as a copy of this one (CREATE DATABASE
… TEMPLATE) when they ask for the same scale, instead of loading 100.000 persons again. The exit code is non-zero if any benchmark failed or found no data; a goal not met is
shown in the table (“CHƯA ĐẠT”) without failing the run.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import LOADED_SCALE_ENV, NO_DATA_EXIT, print_table  # noqa: E402

# Run first, in this order; then every other bench_*.py alphabetically.
FIRST = ["bench_load_search.py", "bench_pages.py", "bench_reports.py"]
DEFAULT_SCALE = 100_000  # bench_load_search's default --scale


def discover() -> list[str]:
    others = sorted(p.name for p in HERE.glob("bench_*.py") if p.name not in FIRST)
    return [name for name in FIRST if (HERE / name).exists()] + others


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--only", default="", help="bench_a,bench_b: only these scripts")
    args = parser.parse_args(argv)
    load_args = (["--scale", str(args.scale)] if args.scale else []) + (["--keep"] if args.keep else [])
    names = discover()
    if args.only:
        wanted = {n if n.endswith(".py") else n + ".py" for n in args.only.split(",")}
        names = [n for n in names if n in wanted]
    failed = []
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as results:
        env = {**os.environ, "BENCH_RESULTS": results.name}
    try:
        for name in names:
            print(f"\n=== {name} ===", flush=True)
            started = time.perf_counter()
            extra = load_args if name == "bench_load_search.py" else []
            code = subprocess.call([sys.executable, str(HERE / name), *extra], cwd=HERE.parent, env=env)
            print(f"--- {name}: mã thoát {code}, {time.perf_counter() - started:.0f} giây", flush=True)
            if name == "bench_load_search.py" and code == 0 and not args.keep:
                # the later scripts that need the demo in a database of their own copy this one
                env[LOADED_SCALE_ENV] = str(args.scale or DEFAULT_SCALE)
            if code:
                failed.append(f"{name} ({'thiếu dữ liệu' if code == NO_DATA_EXIT else f'mã {code}'})")
        rows = [
            json.loads(line) for line in Path(results.name).read_text(encoding="utf-8").splitlines() if line
        ]
    finally:
        os.unlink(results.name)
    print("\n=== Bảng tổng hợp ===")
    print_table(rows)
    if failed:
        print("\nBenchmark lỗi: " + ", ".join(failed))
        return 1
    if not rows:
        print("\nKhông có số đo nào.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
