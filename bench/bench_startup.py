"""Wall time of `llamaline --help` and `llamaline timeline` on the bundled corpus.

Budget (issue 2): --help under 150 ms, timeline under 500 ms. Run from a checkout:

    python bench/bench_startup.py [--runs 15]

It runs the installed `llamaline` script next to this Python if there is one, else `python -m llamaline`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BUDGET_MS = {"--help": 150, "timeline": 500, "timeline (cold)": 500}


def command() -> list[str]:
    script = Path(sys.executable).with_name("llamaline")
    if script.exists():
        return [str(script)]
    found = shutil.which("llamaline")
    return [found] if found else [sys.executable, "-m", "llamaline"]


def measure(args: list[str], runs: int, **extra_env: str) -> list[float]:
    env = dict(os.environ, NO_COLOR="1", **extra_env)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - began) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    base = command()
    print(f"command: {' '.join(base)}   runs: {options.runs} (after one warm-up)")
    failed = False
    cases = (
        ("--help", ["--help"], {}),
        ("timeline", ["timeline"], {}),  # what a user sees from the second run on: the result cache hits
        ("timeline (cold)", ["timeline"], {"LLAMALINE_NO_CACHE": "1"}),  # the whole pipeline, every time
    )
    for name, extra, env in cases:
        measure(base + extra, 1, **env)
        times = measure(base + extra, options.runs, **env)
        median, best = statistics.median(times), min(times)
        ok = median <= BUDGET_MS[name]
        failed |= not ok
        verdict = "ok" if ok else "OVER"
        print(f"llamaline {name:<16} median {median:7.1f} ms   best {best:7.1f} ms   "
              f"budget {BUDGET_MS[name]} ms   {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
