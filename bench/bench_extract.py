"""Benchmark: files -> mentions (read, boilerplate, tag, extract), in MB/s of article text, on one core and on N.

    python bench/bench_extract.py                 # 10 MB corpus, one core
    python bench/bench_extract.py --jobs 2        # and spread over 2 processes
    python bench/bench_extract.py --size-mb 20 --keep /tmp/corpus

The corpus is generated from the bundled articles and the test fixtures: paragraphs shuffled, years and
numbers shifted, so every file differs. Target: at least 2 MB/s on one core. CPU time is printed beside
wall time because a shared machine's wall clock measures the neighbours too.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llamaline.boilerplate import find_boilerplate  # noqa: E402
from llamaline.entities import Gazetteer  # noqa: E402

SEEDS = [ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "extract"]
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def seed_texts() -> list[tuple[str, str]]:
    texts = []
    for folder in SEEDS:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md"):
                text = _FRONT.sub("", path.read_text(encoding="utf-8"))
                language = "en" if path.stem.endswith("_en") else "de"
                texts.append((language, text))
    return texts


def generate(folder: Path, size_mb: float, seed: int = 7) -> int:
    rng = random.Random(seed)
    seeds = seed_texts()
    total, n = 0, 0
    while total < size_mb * 1_000_000:
        language, text = rng.choice(seeds)
        paragraphs = text.split("\n\n")
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        shift = rng.randint(-3, 3)
        body = "\n\n".join(head + rest)
        body = re.sub(r"\b20(\d\d)\b", lambda m: str(2000 + int(m.group(1)) + shift), body)
        year = rng.randint(2022, 2027)
        month = rng.randint(1, 12)
        page = f"---\nlanguage: {language}\npublished: {year}-{month:02d}\n---\n{body}\n"
        path = folder / f"{n // 500:03d}" / f"article_{n:06d}.{'md' if n % 3 == 0 else 'txt'}"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page, encoding="utf-8")
        total += len(page.encode("utf-8"))
        n += 1
    return n


def read(folder: Path):
    try:
        from llamaline.corpus import read_corpus
    except ImportError:  # pragma: no cover
        read_corpus = None
    if read_corpus is not None:
        return read_corpus(folder).documents
    raise SystemExit("llamaline.corpus.read_corpus is missing")


def run(folder: Path, jobs: int) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds of this process, documents, mentions): files to mentions, as the pipeline does it."""
    from llamaline.pipeline import extract_all

    start, cpu = time.perf_counter(), time.process_time()
    documents = read(folder)
    gazetteer = Gazetteer.load(folder)
    regions = find_boilerplate(documents)
    found = extract_all([(d, regions.get(d.source.id, [])) for d in documents], gazetteer, jobs=jobs)
    count = sum(len(mentions) for mentions, _ in found)
    return time.perf_counter() - start, time.process_time() - cpu, len(documents), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=0, help="also run with this many processes")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="llamaline-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = generate(folder, args.size_mb)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1_000_000
        print(f"corpus: {files} files, {size:.1f} MB in {folder}")
        seconds, cpu, docs, count = run(folder, 1)
        print(f"1 core : {seconds:6.2f} s wall {size / seconds:6.2f} MB/s; {cpu:6.2f} s CPU {size / cpu:6.2f} MB/s "
              f"({docs} documents, {count} mentions)")
        if args.jobs > 1:
            seconds, _, docs, count = run(folder, args.jobs)
            print(f"{args.jobs} procs: {seconds:6.2f} s wall {size / seconds:6.2f} MB/s ({docs} documents, {count} mentions)")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
