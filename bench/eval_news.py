"""Event extraction on real published news: recall and precision per language against ../shared/dev/news.

    python bench/eval_news.py [FILE] [--misses] [--false] [--language de|en]

FILE (default ../shared/dev/news/news_dev.jsonl) holds one excerpt a line (text, language, outlet, published,
events; see that folder's README). Each excerpt is a tiny document, built with the project's own reader types (a
`Source` with the excerpt's language, outlet and publication date, `YYYY-MM` or `YYYY-MM-DD`), and runs through
the real per-document extraction (boilerplate, tagger, mentions) without a gazetteer: real users bring none.

Types are compared by group, as the dev set's type conventions draw the lines that annotators and the extractor
may reasonably draw differently:

  announcement / release / conference   something is made known, comes out or is staged
  delay / abandonment                   a plan slips or is given up
  departure / appointment / hiring      who leaves, who takes a role, who joins
  statement / report                    someone says, confirms, writes or publishes something
  investment                            acquisitions, offers to buy, funding rounds, stakes
  controversy                           lawsuits, disputes, criticism
  founding                              a company or venture is set up
  other                                 happenings without a type (not scored for recall)

  recall     gold events of a type other than `other` found: the excerpt yields a mention of a type in the same
             group whose date span overlaps the gold span and lies within six weeks of it (no bound of the
             mention's span more than SLACK_DAYS outside the gold span)
  precision  produced mentions (dated or not) that match a gold event of the excerpt of any type, `other`
             included, by date as above / all produced mentions
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llamaline.models import Mention, Source  # noqa: E402
from llamaline.pipeline import findings_of  # noqa: E402
from llamaline.temporal.timespan import last_day, parse_iso  # noqa: E402
from llamaline.text.boilerplate import find_boilerplate  # noqa: E402
from llamaline.text.corpus import Document  # noqa: E402
from llamaline.text.names import Gazetteer  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "dev" / "news" / "news_dev.jsonl"
SLACK_DAYS = 42  # "within about six weeks"

GROUPS = {
    "announcement": "made-known", "release": "made-known", "conference": "made-known",
    "delay": "slip", "abandonment": "slip",
    "departure": "people", "appointment": "people", "hiring": "people",
    "statement": "said", "report": "said",
    "investment": "investment", "controversy": "controversy", "founding": "founding", "other": "other",
}

_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def edtf_bounds(value: str) -> tuple[date, date]:
    """The inclusive bounds of a gold EDTF value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-21..24, or A/B of those."""
    if "/" in value:
        a, b = value.split("/", 1)
        return edtf_bounds(a)[0], edtf_bounds(b)[1]
    m = re.fullmatch(r"(\d{4})-(2[1-4])", value)
    if m:
        y, code = int(m.group(1)), int(m.group(2))
        first, last = _SEASONS[code]
        end_year = y + 1 if code == 24 else y
        return date(y, first, 1), date(end_year, last, last_day(end_year, last))
    span = parse_iso(value)
    return span.start, span.end


@dataclass
class Gold:
    excerpt: str
    type: str
    subject: str
    when_text: str | None
    start: date
    end: date
    note: str = ""


@dataclass
class Excerpt:
    id: str
    language: str
    text: str
    gold: list[Gold]
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Score:
    language: str
    wanted: int = 0
    found: int = 0
    produced: int = 0
    matching: int = 0
    misses: list[tuple[Excerpt, Gold]] = field(default_factory=list)
    false: list[tuple[Excerpt, Mention]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.wanted if self.wanted else 1.0

    @property
    def precision(self) -> float:
        return self.matching / self.produced if self.produced else 1.0


def in_time(m: Mention, g: Gold) -> bool:
    """The mention's span overlaps the gold span and lies within SLACK_DAYS of it."""
    if m.when is None:
        return False
    slack = timedelta(days=SLACK_DAYS)
    overlaps = m.when.start <= g.end and g.start <= m.when.end
    return overlaps and g.start - slack <= m.when.start and m.when.end <= g.end + slack


def matches(m: Mention, g: Gold, any_type: bool = False) -> bool:
    return (any_type or GROUPS[m.type] == GROUPS[g.type]) and in_time(m, g)


def document_of(row: dict) -> Document:
    source = Source(id=row["id"], path=f"{row['id']}.txt", outlet=row.get("outlet"), url=row.get("url"),
                    language=row["language"], published=parse_iso(row["published"]))
    return Document(source=source, text=row["text"])


def extract(row: dict, gazetteer: Gazetteer) -> list[Mention]:
    doc = document_of(row)
    regions = find_boilerplate([doc]).get(doc.source.id, [])
    mentions, _claims = findings_of((doc, regions), gazetteer)
    return mentions


def load(path: Path) -> list[Excerpt]:
    excerpts = []
    gazetteer = Gazetteer()  # no known names: found in the text alone
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold = [Gold(row["id"], e["type"], e.get("subject", ""), e.get("when_text"), *edtf_bounds(e["when"]),
                     e.get("note", "")) for e in row.get("events", [])]
        excerpts.append(Excerpt(row["id"], row["language"], row["text"], gold, extract(row, gazetteer)))
    return excerpts


def score(excerpts: list[Excerpt]) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for x in excerpts:
        s = scores.setdefault(x.language, Score(x.language))
        for g in x.gold:
            if g.type == "other":
                continue
            s.wanted += 1
            if any(matches(m, g) for m in x.mentions):
                s.found += 1
            else:
                s.misses.append((x, g))
        for m in x.mentions:
            s.produced += 1
            if any(matches(m, g, any_type=True) for g in x.gold):
                s.matching += 1
            else:
                s.false.append((x, m))
    return dict(sorted(scores.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list the gold events not found")
    parser.add_argument("--false", action="store_true", help="list the produced mentions that match no gold event")
    parser.add_argument("--language", help="only this language")
    args = parser.parse_args(argv)
    excerpts = load(args.file)
    if args.language:
        excerpts = [x for x in excerpts if x.language == args.language]
    scores = score(excerpts)
    for s in scores.values():
        print(f"{s.language}: recall {s.recall:.2f} ({s.found}/{s.wanted})  "
              f"precision {s.precision:.2f} ({s.matching}/{s.produced} mentions)")
    for s in scores.values():
        if args.misses and s.misses:
            print(f"\nmisses ({s.language}):")
            for x, g in s.misses:
                got = "; ".join(f"{m.type}:{m.when.edtf if m.when else None}" for m in x.mentions) or "-"
                print(f"  {x.id}  {g.type}  {g.start}..{g.end}  [{g.when_text}] {g.subject}   got: {got}")
        if args.false and s.false:
            print(f"\nfalse mentions ({s.language}):")
            for x, m in s.false:
                print(f"  {x.id}  {m.type}/{m.modality}  {m.when.edtf if m.when else None}  [{m.time_text}] "
                      f"{m.subjects}  {m.quote[:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
