"""Benchmark: peak memory and time of one huge article (issue 14: "one 60 MB text file takes 79 s and 3.7 GB").

    python bench/bench_memory.py                   # a 60 MB article: export it to JSON, peak RSS and time
    python bench/bench_memory.py --size-mb 6       # smaller
    python bench/bench_memory.py --keep /tmp/huge  # generate into this folder and keep it (reused when it exists)
    python bench/bench_memory.py --jobs 2          # the command with --jobs 2
    python bench/bench_memory.py --cache           # with the result cache (in a temporary folder), as by default

The article is the bundled articles' paragraphs, shuffled and repeated with years and other numbers shifted,
in one `.txt` file with front matter (German, published 2025-05), beside the bundled `entities.toml`. The
command `llamaline export --format json --no-cache` (with --cache: a result cache in a temporary folder)
runs in a fresh process; its peak resident memory (the kernel's ru_maxrss of the child), wall time and CPU
time are reported, with the size of the output and the number of events and mentions in it. The machine is
shared: run it a few times at most.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "corpus"
_NUMBER = re.compile(r"\b\d{1,4}\b")


def generate(path: Path, size_mb: float, seed: int = 14) -> int:
    """One article of about `size_mb` MB at `path`: the bundled articles' paragraphs, over and over, each pass
    shuffled and with its numbers shifted (a year by a few years, a day of the month within the month, other
    numbers by a little), so that the text does not simply repeat. Returns its size in bytes."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for f in sorted(BUNDLED.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
    target = int(size_mb * 1_000_000)
    size = 0
    with path.open("w", encoding="utf-8") as out:
        head = "---\nlanguage: de\npublished: 2025-05\n---\n"
        out.write(head)
        size += len(head.encode("utf-8"))
        while size < target:
            rng.shuffle(paragraphs)
            years, step = rng.randint(-4, 4), rng.randint(1, 9)
            for paragraph in paragraphs:
                text = _NUMBER.sub(lambda m, y=years, s=step: _shifted(m.group(), y, s), paragraph) + "\n\n"
                out.write(text)
                size += len(text.encode("utf-8"))
    return size


def _shifted(number: str, years: int, step: int) -> str:
    value = int(number)
    if 1900 <= value <= 2100:
        return str(value + years)
    if 1 <= value <= 28:  # a day of a month stays one
        return str((value + step - 1) % 28 + 1)
    return str(value + step)


def command(corpus: Path, output: Path, jobs: int, cache: bool) -> list[str]:
    script = Path(sys.executable).with_name("llamaline")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "llamaline"]
    return [*base, "export", "--corpus", str(corpus), "--format", "json", *([] if cache else ["--no-cache"]),
            "--jobs", str(jobs), "-o", str(output)]


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, stderr) of one run of `args` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"bench_memory: the command failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, done.stderr  # ru_maxrss: kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate into this folder (reused when it holds the article)")
    parser.add_argument("--cache", action="store_true", help="with the result cache, in a temporary folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="llamaline-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "huge.txt"
    try:
        if not article.exists():
            generate(article, args.size_mb)
            shutil.copy(BUNDLED / "entities.toml", folder / "entities.toml")
        size = article.stat().st_size / 1_000_000
        output = Path(tempfile.mkdtemp(prefix="llamaline-memory-out-")) / "timeline.json"
        run = command(folder, output, args.jobs, args.cache)
        env = {**os.environ, "LLAMALINE_CACHE_DIR": str(output.parent / "cache")}
        env.pop("LLAMALINE_NO_CACHE", None)
        print(f"article: {article} ({size:.1f} MB)")
        print(f"command: {' '.join(run)}")
        wall, cpu, peak, stderr = measure(run, env)
        data = json.loads(output.read_text(encoding="utf-8"))
        mentions = sum(len(e["mentions"]) for e in data["events"])
        print("stderr of the command:\n  " + "\n  ".join(stderr.splitlines()[-8:]))
        print(f"peak RSS {peak:7.0f} MB   wall {wall:6.1f} s   CPU {cpu:6.1f} s   "
              f"({size / wall:.2f} MB/s; {len(data['events'])} events, {mentions} mentions, "
              f"output {output.stat().st_size / 1_000_000:.1f} MB)")
        shutil.rmtree(output.parent, ignore_errors=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
