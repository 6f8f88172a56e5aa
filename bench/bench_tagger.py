"""Throughput of the temporal tagger on German article text, side by side with dateparser.

    python bench/bench_tagger.py [--mb 5] [--slice-kb 150] [--runs 3]

Builds several MB of German text by repeating the bundled articles (paragraphs shuffled with a
fixed seed, numbers lightly varied), times `llamaline.temporal.tag` on one core (best of a few
runs), then times dateparser's `search_dates(languages=['de'])` on a slice of the same text and
compares what each finds there. A plain-text report goes to stdout.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from llamaline.temporal import tag  # noqa: E402
from llamaline.temporal.lexicon import lexicon, normalize  # noqa: E402
from llamaline.temporal.timespan import parse_iso  # noqa: E402

PUBLISHED = parse_iso("2025-05")


def build_text(megabytes: float, seed: int = 7) -> str:
    paragraphs = []
    for path in sorted((ROOT / "data" / "corpus").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(seed)
    out, size = [], 0
    target = int(megabytes * 1_000_000)
    while size < target:
        block = paragraphs[:]
        rng.shuffle(block)
        shift = rng.randint(-3, 3)
        # Light variation: years move a little, so the text is not the same bytes over and over.
        block = [re.sub(r"\b(20[12]\d)\b", lambda m, shift=shift: str(int(m.group(1)) + shift), p) for p in block]
        for p in block:
            out.append(p)
            size += len(p.encode("utf-8")) + 1
    return "\n".join(out)


def mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1_000_000


def time_ours(text: str, runs: int) -> tuple[float, int]:
    tag(text[:20000], PUBLISHED, "de")  # compile the language's scanner once, outside the timing
    best, found = float("inf"), 0
    for _ in range(runs):
        t0 = time.perf_counter()
        found = len(tag(text, PUBLISHED, "de"))
        best = min(best, time.perf_counter() - t0)
    return best, found


def slice_paragraphs(text: str, kilobytes: int) -> list[str]:
    chunks, size = [], 0
    for p in text.split("\n"):
        if size >= kilobytes * 1000:
            break
        chunks.append(p)
        size += len(p.encode("utf-8")) + 1
    return chunks


def is_false(match: str, calendar_words: set[str]) -> bool:
    """A dateparser match counts as false when it has no digit and none of its words is a German
    calendar word of our data: month, weekday, season, relative day, unit ("Jahr"), shift ("dieses"),
    part or present word. So "die", "mit", "am", "so" are false; "dieses Jahr" and "Sonntag" are not."""
    if any(ch.isdigit() for ch in match):
        return False
    words = {normalize(w.strip(".,;:()")) for w in match.split()}
    return not (words & calendar_words)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the German text to tag (MB)")
    ap.add_argument("--slice-kb", type=int, default=150, help="size of the slice given to dateparser (KB)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of our tagger (best is kept)")
    args = ap.parse_args()

    text = build_text(args.mb)
    seconds, count = time_ours(text, args.runs)
    ours = mb(text) / seconds
    print("llamaline temporal tagger benchmark (German, one core)")
    print(f"  text:                 {mb(text):.2f} MB from the bundled articles, repeated and varied")
    print(f"  llamaline tag:        {ours:.2f} MB/s (best of {args.runs}: {seconds:.2f} s), {count} expressions")

    chunks = slice_paragraphs(text, args.slice_kb)
    piece = "\n".join(chunks)
    ours_on_slice = tag(piece, PUBLISHED, "de")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("  dateparser:           not installed (pip install dateparser); only our numbers are reported")
        return
    search_dates("Am 15. Mai 2025.", languages=["de"])  # load its language data outside the timing
    found: list[str] = []
    t0 = time.perf_counter()
    for chunk in chunks:
        if chunk.strip():
            found += [m for m, _ in (search_dates(chunk, languages=["de"]) or [])]
    theirs_s = time.perf_counter() - t0
    theirs = mb(piece) / theirs_s
    lex = lexicon("de")
    sections = ("months", "weekdays", "seasons", "days", "units", "units_plural", "shift", "shift_units",
                "part_units", "present")
    calendar_words = {normalize(w) for sec in sections for w in lex.forms(sec)}
    false = [m for m in found if is_false(m, calendar_words)]
    print(f"  slice for comparison: {mb(piece) * 1000:.0f} KB, {len(chunks)} paragraphs")
    print(f"  dateparser:           {theirs:.3f} MB/s ({theirs_s:.2f} s) search_dates(languages=['de']) per paragraph")
    print(f"  ratio:                {ours / theirs:.0f}x (target >= 20x)")
    print(f"  found on the slice:   llamaline {len(ours_on_slice)}, dateparser {len(found)}")
    print(f"  dateparser false:     {len(false)} of {len(found)} (no digit and no German calendar word)")
    common = collections.Counter(false).most_common(8)
    if common:
        print("  most common false:    " + ", ".join(f"{w!r} x{n}" for w, n in common))
    ours_kinds = collections.Counter(e.kind for e in ours_on_slice)
    print("  llamaline kinds:      " + ", ".join(f"{k} {n}" for k, n in sorted(ours_kinds.items())))


if __name__ == "__main__":
    main()
