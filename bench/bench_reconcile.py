"""Benchmark of the reconciler on synthetic mentions (a script, not a test).

    python bench/bench_reconcile.py                      # 100,000 and 1,000,000 mentions
    python bench/bench_reconcile.py --sizes 10000 100000 1000000 10000000
    python bench/bench_reconcile.py --cast fixed         # the same ~3,000 subjects at every size (denser blocks)

Each size runs in a fresh process so its peak memory (ru_maxrss) is its own. The mentions come from synthetic
happenings: a few thousand subjects per 100,000 mentions (see `cast_scale`) (organisations, people, model
lines with their models, conferences), every happening told by several mentions with spans of varying
precision (day, part of a month, month, quarter), family- or organisation-level subjects, reports beside
specific types, about 20% undated, some plans and considerations. Target (issue 5): 1,000,000 mentions in at
most 30 s and 2 GB, and ten times the mentions in at most twelve times the time. Beside the ratio it prints
the ratio of merely reading every mention's sort key and sorting them: the floor of any blocking-and-sorting
reconciler here.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from llamaline.temporal import timespan as ts  # noqa: E402
from llamaline.models import Mention, TimeSpan  # noqa: E402
from llamaline.events.reconcile import reconcile  # noqa: E402

SPECIFIC = ["announcement", "release", "delay", "abandonment", "departure", "appointment", "hiring",
            "investment", "controversy", "founding", "conference", "other"]
WEIGHTS = [12, 14, 8, 3, 6, 4, 5, 6, 6, 2, 4, 3]
_FIELDS = frozenset({"source", "quote", "start", "end", "time_text", "when", "attributed_to", "modality",
                     "type", "subjects", "trigger", "published"})
_SPAN_FIELDS = frozenset({"edtf", "start", "end", "precision"})


def cast(rnd: random.Random, scale: int = 1):
    """Subjects and families: ~3,000 names per `scale`."""
    orgs = [f"Org {i}" for i in range(300 * scale)]
    people = [f"Person {i}" for i in range(1000 * scale)]
    lines, models, families = [], [], {}
    for i in range(300 * scale):
        line = f"Line {i}"
        lines.append(line)
        families[line] = rnd.choice(orgs) if rnd.random() < 0.3 else None
        for j in range(rnd.randint(2, 5)):
            model = f"{line} M{j}"
            models.append(model)
            families[model] = line
    confs = [f"Summit {i}" for i in range(150 * scale)]
    return orgs, people, lines, models, confs, {k: v for k, v in families.items() if v}


class Spans:
    """Shared span objects (built without validation), as the tagger's would be per distinct expression."""

    def __init__(self):
        self.cache: dict[tuple, TimeSpan] = {}

    def make(self, kind: str, d: date) -> TimeSpan:
        key = (kind, d.year, d.month, d.day if kind == "day" else (d.day - 1) // 10 if kind == "part" else 0)
        span = self.cache.get(key)
        if span is None:
            if kind == "day":
                s = e = d
                prec, edtf = "day", d.isoformat()
            elif kind == "part":
                third = min((d.day - 1) // 10, 2)
                s = d.replace(day=1 + 10 * third)
                e = d.replace(day=10 + 10 * third) if third < 2 else d.replace(day=ts.last_day(d.year, d.month))
                prec, edtf = "month", f"{d.year:04d}-{d.month:02d}"
            elif kind == "month":
                s, e = d.replace(day=1), d.replace(day=ts.last_day(d.year, d.month))
                prec, edtf = "month", f"{d.year:04d}-{d.month:02d}"
            else:
                q = (d.month - 1) // 3
                s = date(d.year, 3 * q + 1, 1)
                e = date(d.year, 3 * q + 3, ts.last_day(d.year, 3 * q + 3))
                prec, edtf = "quarter", f"{d.year:04d}-{33 + q}"
            span = TimeSpan.model_construct(_SPAN_FIELDS, edtf=edtf, start=s, end=e, precision=prec)
            self.cache[key] = span
        return span


def cast_scale(n: int, mode: str = "scaled") -> int:
    """How many times the base cast a corpus of n mentions has. `scaled`: one base cast (~3,000 names) per
    100,000 mentions, as a larger corpus covers more stories (more subjects) rather than retelling the same
    subjects' stories ever more densely; below 100,000 the base cast. `fixed`: the base cast at every size
    (the first version of this bench: ten times the mentions make every block ten times denser)."""
    return max(1, n // 100_000) if mode == "scaled" else 1


def generate(n: int, seed: int = 7, mode: str = "scaled") -> tuple[list[Mention], dict[str, str]]:
    rnd = random.Random(seed)
    orgs, people, lines, models, confs, families = cast(rnd, cast_scale(n, mode))
    spans = Spans()
    sources = [f"src{i:07d}" for i in range(max(10, n // 8))]
    outlets_pool = [f"Outlet {i}" for i in range(200)]
    quotes = [f"A sentence of an article, number {i}." for i in range(5000)]
    first = date(2018, 1, 1).toordinal()
    out: list[Mention] = []
    while len(out) < n:
        kind = rnd.choices(SPECIFIC, WEIGHTS)[0]
        org = rnd.choice(orgs)
        if kind in ("departure", "appointment", "hiring"):
            core = [rnd.choice(people)]
        elif kind == "conference":
            core = [rnd.choice(confs)]
        elif kind in ("founding", "investment"):
            core = [rnd.choice(orgs)]
        else:
            core = [rnd.choice(models)] if rnd.random() < 0.7 else [rnd.choice(lines)]
        day = date.fromordinal(first + rnd.randrange(3650))
        origin = rnd.choice(outlets_pool) if rnd.random() < 0.4 else None
        for _ in range(rnd.choice([1, 2, 3, 3, 4, 5, 8])):
            subjects = list(core)
            r = rnd.random()
            if r < 0.3:
                subjects.append(org)
            elif r < 0.4 and core[0] in families:
                subjects.append(families[core[0]])
            t = kind
            if kind in ("announcement", "release"):
                t = rnd.choice(("announcement", "release"))
            elif rnd.random() < 0.12:
                t = rnd.choice(("report", "statement"))
            modality = "happened"
            r = rnd.random()
            if r < 0.05:
                modality = "planned"
            elif r < 0.07:
                modality = "expected"
            elif r < 0.09:
                modality = "considered"
            when = None
            if rnd.random() >= 0.2:
                precision = rnd.choices(("day", "part", "month", "quarter"), (3, 2, 4, 1))[0]
                jitter = timedelta(days=rnd.choice((0, 0, 0, 0, 1, -1, 2)))
                when = spans.make(precision, day + jitter if precision == "day" else day)
            start = rnd.randrange(100000)
            quote = rnd.choice(quotes)
            out.append(Mention.model_construct(
                _FIELDS, source=rnd.choice(sources), quote=quote, start=start, end=start + len(quote),
                time_text=when.edtf if when else None, when=when, attributed_to=origin, modality=modality,
                type=t, subjects=sorted(set(subjects)), trigger=t, published=None))
            if len(out) >= n:
                break
    outlets = {s: rnd.choice(outlets_pool) for s in sources[: len(sources) // 2]}
    return out, {"families": families, "outlets": outlets}


def run_one(n: int, mode: str) -> dict:
    t0 = time.perf_counter()
    mentions, extra = generate(n, mode=mode)
    t1 = time.perf_counter()
    gc.collect()
    input_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    gc.disable()  # the reconciler makes many small objects and no cycles worth collecting mid-run
    floor = time.process_time()
    _ = sorted(
        (m.type, tuple(m.subjects), m.when.start.toordinal() if m.when else 0, m.source, m.start) for m in mentions
    )
    floor = time.process_time() - floor  # what any blocking-and-sorting pass costs at least: read each mention, sort
    del _
    t2, c2 = time.perf_counter(), time.process_time()
    events, leftovers = reconcile(mentions, families=extra["families"], outlets=extra["outlets"])
    t3, c3 = time.perf_counter(), time.process_time()
    gc.enable()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mentions": n, "cast": mode, "generate_s": round(t1 - t0, 2), "reconcile_s": round(t3 - t2, 2),
            "reconcile_cpu_s": round(c3 - c2, 2), "floor_cpu_s": round(floor, 2), "input_mb": round(input_mb),
            "events": len(events), "leftovers": len(leftovers),
            "placed": sum(len(e.mentions) for e in events), "peak_mb": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--cast", choices=("scaled", "fixed"), default="scaled",
                        help="scaled: the cast grows with the corpus (default); fixed: ~3,000 names at every size")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.cast)))
        return
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--cast", args.cast],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            sys.exit(1)
        row = json.loads(out.stdout)
        rows.append(row)
        print(f"{row['mentions']:>10,} mentions ({row['cast']} cast): reconcile {row['reconcile_s']:7.2f} s wall, "
              f"{row['reconcile_cpu_s']:7.2f} s CPU, peak {row['peak_mb']:6,} MB (input alone {row['input_mb']:,} MB; "
              f"generate {row['generate_s']:.1f} s; {row['events']:,} events, {row['leftovers']:,} leftovers)",
              flush=True)
    for a, b in zip(rows, rows[1:]):
        factor = b["mentions"] / a["mentions"]
        ratio = b["reconcile_s"] / a["reconcile_s"] if a["reconcile_s"] else float("inf")
        cpu = b["reconcile_cpu_s"] / a["reconcile_cpu_s"] if a["reconcile_cpu_s"] else float("inf")
        floor = b["floor_cpu_s"] / a["floor_cpu_s"] if a["floor_cpu_s"] else float("inf")
        print(f"{factor:g}x mentions ({a['mentions']:,} -> {b['mentions']:,}): "
              f"{ratio:.2f}x wall time, {cpu:.2f}x CPU time; "
              f"reading and sorting the mentions alone: {floor:.2f}x CPU time")


if __name__ == "__main__":
    main()
