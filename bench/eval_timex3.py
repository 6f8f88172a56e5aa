"""The temporal tagger on text annotated by others, scored as TempEval-3 scores TIMEX3.

    python bench/eval_timex3.py [--set timebank|aquaint|wikiwarsde] [--show N]

Reads `../shared/dev/tempeval3/{timebank,aquaint}.jsonl` and `../shared/dev/wikiwarsde/wikiwarsde_dev.jsonl`
(relative to the project root; the data stays there). For each set it prints:

- extent precision, recall and F1, strict (the same characters) and relaxed (any overlap);
- value F1 as TempEval-3 defines it: a relaxed match whose TIMEX3 value is right counts; precision over
  the system's expressions, recall over the gold ones;
- the same per TIMEX3 type (recall by the gold type, precision by the system's type);
- with `--show N`, the N most common misses, spurious expressions and wrong values, with examples.

Each gold expression is matched to at most one system expression and back (the most overlap first);
a range counts as its two TIMEX3 parts.

Measured (extent F1 strict / relaxed, value F1):

| set | before this evaluation existed | at 7207af0 | at 2c9ad77 | now |
|---|---|---|---|---|
| timebank | 0.631 / 0.864 / 0.594 | 0.894 / 0.941 / 0.823 | 0.898 / 0.945 / 0.830 | 0.901 / 0.945 / 0.840 |
| aquaint | 0.701 / 0.884 / 0.644 | 0.838 / 0.939 / 0.756 | 0.839 / 0.940 / 0.765 | 0.839 / 0.940 / 0.768 |
| English (both) | 0.653 / 0.871 / 0.610 | 0.876 / 0.940 / 0.801 | 0.879 / 0.943 / 0.809 | 0.881 / 0.943 / 0.817 |
| wikiwarsde dev | 0.712 / 0.882 / 0.312 | 0.894 / 0.953 / 0.857 | 0.903 / 0.959 / 0.867 | 0.907 / 0.960 / 0.905 |
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from llamaline.temporal import tag  # noqa: E402
from llamaline.temporal import timespan as ts  # noqa: E402
from llamaline.temporal.timex3 import span_value  # noqa: E402

DEV = ROOT.parent / "shared" / "dev"
SETS = {
    "timebank": (DEV / "tempeval3" / "timebank.jsonl", "en"),
    "aquaint": (DEV / "tempeval3" / "aquaint.jsonl", "en"),
    "wikiwarsde": (DEV / "wikiwarsde" / "wikiwarsde_dev.jsonl", "de"),
}
TYPES = ("DATE", "TIME", "DURATION", "SET")


def timex_of(e) -> tuple[str, str | None]:
    """The system's TIMEX3 type and value (the model's fields where it has them)."""
    kind = getattr(e, "type", None)
    value = getattr(e, "value", None)
    if kind is not None:
        return kind, value
    if e.kind == "duration":
        return "DURATION", None
    if e.kind == "present":
        return "DATE", "PRESENT_REF"
    return "DATE", span_value(e.when) if e.when is not None else None


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    # per type: gold, system, relaxed matches by gold type, relaxed by system type, value by gold, by system
    by_type: dict[str, collections.Counter] = field(
        default_factory=lambda: collections.defaultdict(collections.Counter)
    )
    misses: collections.Counter = field(default_factory=collections.Counter)
    spurious: collections.Counter = field(default_factory=collections.Counter)
    wrong: collections.Counter = field(default_factory=collections.Counter)
    loose: collections.Counter = field(default_factory=collections.Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for t, c in other.by_type.items():
            self.by_type[t].update(c)
        for name in ("misses", "spurious", "wrong", "loose"):
            getattr(self, name).update(getattr(other, name))
        for k, v in other.examples.items():
            self.examples.setdefault(k, v)


def _context(text: str, s: int, e: int, width: int = 60) -> str:
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"...{left}[{text[s:e]}]{right}..."


def match(gold: list[dict], system: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int]]:
    """Pairs (gold index, system index), one to one, the most overlap first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, (s, e, _, _) in enumerate(system):
            overlap = min(g["end"], e) - max(g["start"], s)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, i, j in pairs:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        out.append((i, j))
    return out


def score_document(doc: dict, language: str) -> Counts:
    c = Counts()
    text = doc["text"]
    dct = ts.parse_iso(doc["dct"])
    found = tag(text, dct, language)
    # A range is two TIMEX3 expressions ("[1939] bis [1945]"): score its parts.
    system = [(x.start, x.end, *timex_of(x)) for e in found for x in (getattr(e, "parts", ()) or (e,))]
    gold = doc["timexes"]
    c.gold, c.system = len(gold), len(system)
    for g in gold:
        c.by_type[g["type"]]["gold"] += 1
    for _, _, t, _ in system:
        c.by_type[t]["system"] += 1
    pairs = match(gold, system)
    matched_g = {i for i, _ in pairs}
    matched_s = {j for _, j in pairs}
    for i, j in pairs:
        g, (s, e, t, v) = gold[i], system[j]
        c.relaxed += 1
        c.by_type[g["type"]]["relaxed_gold"] += 1
        c.by_type[t]["relaxed_system"] += 1
        if (g["start"], g["end"]) == (s, e):
            c.strict += 1
            c.by_type[g["type"]]["strict_gold"] += 1
            c.by_type[t]["strict_system"] += 1
        else:
            key = (f"{g['text']!r} -> {text[s:e]!r}", "loose")
            c.loose[key[0]] += 1
            c.examples.setdefault(key, _context(text, g["start"], g["end"]))
        if v == g["value"]:
            c.value += 1
            c.by_type[g["type"]]["value_gold"] += 1
            c.by_type[t]["value_system"] += 1
        else:
            key = (f"{g['text']!r} {g['value']} -> {v}", "wrong")
            c.wrong[key[0]] += 1
            c.examples.setdefault(key, f"dct {doc['dct']}: " + _context(text, g["start"], g["end"]))
    for i, g in enumerate(gold):
        if i not in matched_g:
            key = (f"{g['text']!r} ({g['type']} {g['value']})", "miss")
            c.misses[key[0]] += 1
            c.examples.setdefault(key, _context(text, g["start"], g["end"]))
    for j, (s, e, t, v) in enumerate(system):
        if j not in matched_s:
            key = (f"{text[s:e]!r} ({t} {v})", "spurious")
            c.spurious[key[0]] += 1
            c.examples.setdefault(key, _context(text, s, e))
    return c


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(name: str, c: Counts, show: int) -> None:
    print(f"== {name}: {c.gold} gold, {c.system} system expressions")
    for label, correct in (("strict", c.strict), ("relaxed", c.relaxed), ("value", c.value)):
        p, r, f = prf(correct, c.system, c.gold)
        print(f"  {label:8s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print("  per type   gold  sys   strict-F1 relaxed-F1 value-F1")
    for t in TYPES:
        b = c.by_type.get(t, collections.Counter())
        row = []
        for which in ("strict", "relaxed", "value"):
            p = b[f"{which}_system"] / b["system"] if b["system"] else 0.0
            r = b[f"{which}_gold"] / b["gold"] if b["gold"] else 0.0
            row.append(2 * p * r / (p + r) if p + r else 0.0)
        print(f"  {t:9s} {b['gold']:5d} {b['system']:5d}   {row[0]:.3f}     {row[1]:.3f}      {row[2]:.3f}")
    if show:
        for title, counter, kind in (("misses", c.misses, "miss"), ("spurious", c.spurious, "spurious"),
                                     ("wrong values", c.wrong, "wrong"), ("extent differs", c.loose, "loose")):
            print(f"  -- most common {title}")
            for key, n in counter.most_common(show):
                print(f"    {n:3d}  {key}\n         {c.examples[(key, kind)]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS), action="append", help="one set (repeatable); default all")
    ap.add_argument("--show", type=int, default=0, help="show the N most common errors of each kind")
    args = ap.parse_args(argv)
    english = Counts()
    names = args.set or list(SETS)
    for name in names:
        path, language = SETS[name]
        if not path.exists():
            print(f"{name}: {path} not found", file=sys.stderr)
            return 1
        total = Counts()
        with path.open(encoding="utf-8") as f:
            for line in f:
                total.add(score_document(json.loads(line), language))
        report(name, total, args.show)
        if language == "en":
            english.add(total)
    if sum(1 for n in names if SETS[n][1] == "en") > 1:
        report("English (timebank + aquaint)", english, 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
