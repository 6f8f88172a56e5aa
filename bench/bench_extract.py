"""Benchmark: files -> mentions (read, boilerplate, tag, extract), in MB/s of article text, on one core and on N.

    python bench/bench_extract.py                 # 10 MB corpus: CPU per stage on one core (median of 3 runs), pipeline
    python bench/bench_extract.py --jobs 2        # the pipeline on one and on 2 processes
    python bench/bench_extract.py --size-mb 20 --keep /tmp/corpus

The corpus is generated from the bundled articles and the test fixtures: paragraphs shuffled, years and
numbers shifted, so every file differs. The stages run in a fresh process, so they include what a user pays
once per process (imports, compiling the tagger's grammars). Target (issue 4): at least 2 MB/s on one core
from files to mentions; claims, which the pipeline extracts in the same pass, are reported beside it. CPU
time is printed beside wall time because a shared machine's wall clock measures the neighbours too.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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


def stages(folder: Path) -> tuple[dict[str, float], int, int]:
    """CPU seconds per stage, in one process on one core, as `pipeline.findings_of` runs them per document."""
    cpu: dict[str, float] = dict.fromkeys(("import", "read", "boilerplate", "tag", "analysis", "mentions", "claims"), 0.0)
    clock = time.process_time
    t = clock()
    from llamaline.claimtracks import claims_of
    from llamaline.events.mentions import mentions_of
    from llamaline.pipeline import cyclic_gc_paused
    from llamaline.text.analysis import analyse, expressions_of
    from llamaline.text.boilerplate import find_boilerplate
    from llamaline.text.corpus import read_corpus
    from llamaline.text.names import Gazetteer
    cpu["import"] = clock() - t
    with cyclic_gc_paused():  # as the pipeline runs
        t = clock()
        documents = read_corpus(folder).documents
        gazetteer = Gazetteer.load(folder)
        cpu["read"] = clock() - t
        t = clock()
        regions = find_boilerplate(documents)
        cpu["boilerplate"] = clock() - t
        mentions = 0
        for doc in documents:
            doc_regions = regions.get(doc.source.id, [])
            t = clock()
            expressions = expressions_of(doc, doc_regions)  # the body outside boilerplate
            t, cpu["tag"] = clock(), cpu["tag"] + clock() - t
            analysis = analyse(doc, doc_regions, gazetteer, expressions)
            t, cpu["analysis"] = clock(), cpu["analysis"] + clock() - t
            mentions += len(mentions_of(analysis))
            t, cpu["mentions"] = clock(), cpu["mentions"] + clock() - t
            claims_of(analysis)
            cpu["claims"] += clock() - t
    return cpu, len(documents), mentions


def run(folder: Path, jobs: int) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds of this process, documents, mentions): files to mentions and claims, as the
    pipeline does it."""
    from llamaline.text.boilerplate import find_boilerplate
    from llamaline.text.corpus import read_corpus
    from llamaline.text.names import Gazetteer
    from llamaline.pipeline import cyclic_gc_paused, extract_all

    start, cpu = time.perf_counter(), time.process_time()
    with cyclic_gc_paused():
        documents = read_corpus(folder).documents
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
    parser.add_argument("--stages", action="store_true", help="also with --jobs: CPU time per stage on one core")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the stages, each in a fresh process (median)")
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages_of:
        cpu, documents, found = stages(args.stages_of)
        print(json.dumps({**cpu, "documents": documents, "found": found}))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="llamaline-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = generate(folder, args.size_mb)
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1_000_000
        print(f"corpus: {files} files, {size:.1f} MB in {folder}")
        if args.jobs <= 1 or args.stages:
            # each run a fresh process, so the stages pay their one-time costs (imports, compiled grammars) as a user
            # does; the median run is reported, since a shared machine's speed drifts between runs
            runs = []
            for _ in range(max(1, args.repeat)):
                out = subprocess.run([sys.executable, __file__, "--stages-of", str(folder)], capture_output=True,
                                     text=True, check=True)
                cpu = json.loads(out.stdout)
                cpu["to_mentions"] = sum(cpu[k] for k in ("import", "read", "boilerplate", "tag", "analysis", "mentions"))
                runs.append(cpu)
            runs.sort(key=lambda r: r["to_mentions"])
            cpu = runs[len(runs) // 2]
            print(f"CPU per stage, the median of {len(runs)} run(s) in fresh processes:")
            for name in ("import", "read", "boilerplate", "tag", "analysis", "mentions", "claims"):
                print(f"  {name:12s} {cpu[name]:6.2f} s CPU")
            to_mentions = cpu["to_mentions"]
            spread = (f" (runs: {size / runs[-1]['to_mentions']:.2f}-{size / runs[0]['to_mentions']:.2f} MB/s)"
                      if len(runs) > 1 else "")
            print(f"1 core, files -> mentions          : {to_mentions:6.2f} s CPU {size / to_mentions:6.2f} MB/s{spread} "
                  f"({cpu['documents']} documents, {cpu['found']} mentions)")
            total = to_mentions + cpu["claims"]
            print(f"1 core, files -> mentions + claims : {total:6.2f} s CPU {size / total:6.2f} MB/s")
        seconds, cpu_s, docs, count = run(folder, 1)
        print(f"1 process (pipeline.extract_all)  : {seconds:6.2f} s wall {size / seconds:6.2f} MB/s; "
              f"{cpu_s:6.2f} s CPU {size / cpu_s:6.2f} MB/s")
        if args.jobs > 1:
            seconds, _, docs, count = run(folder, args.jobs)
            print(f"{args.jobs} processes (--jobs {args.jobs})         : {seconds:6.2f} s wall {size / seconds:6.2f} MB/s")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
