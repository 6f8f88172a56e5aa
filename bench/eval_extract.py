"""Extraction on articles it was not written for: recall and precision per language.

    python bench/eval_extract.py [CORPUS_DIR] [--misses] [--extra]

CORPUS_DIR (default tests/fixtures/unseen) holds articles, a sources.toml, an entities.toml and an expected.toml
listing every dated event ([[event]]: file, type or list of types, start, end, words). The corpus runs through the
pipeline's own stages (corpus, boilerplate, gazetteer, tagger, extraction) and the dated mentions are compared:

  recall     expected events found: a mention from the same file, of the type (one of the types), whose `when`
             lies within the expected span or contains it (nested spans; `strict` counts only `within`)
  precision  dated mentions that match some expected event of their file / all dated mentions
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llamaline.text.boilerplate import find_boilerplate  # noqa: E402
from llamaline.text.corpus import read_corpus  # noqa: E402
from llamaline.text.names import Gazetteer  # noqa: E402
from llamaline.models import Mention  # noqa: E402
from llamaline.pipeline import extract_all  # noqa: E402

DEFAULT = ROOT / "tests" / "fixtures" / "unseen"


@dataclass
class Expected:
    file: str
    types: tuple[str, ...]
    start: date
    end: date
    words: str


@dataclass
class LanguageScore:
    language: str
    expected: int
    found: int
    found_strict: int
    dated: int
    matching: int
    misses: list[Expected]
    extra: list[Mention]

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def recall_strict(self) -> float:
        return self.found_strict / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matching / self.dated if self.dated else 1.0


def load_expected(corpus: Path) -> list[Expected]:
    rows = tomllib.loads((corpus / "expected.toml").read_text(encoding="utf-8"))["event"]
    out = []
    for row in rows:
        types = row["type"] if isinstance(row["type"], list) else [row["type"]]
        out.append(Expected(row["file"], tuple(types), date.fromisoformat(row["start"]), date.fromisoformat(row["end"]),
                            row.get("words", "")))
    return out


def within(m: Mention, e: Expected) -> bool:
    return m.when is not None and e.start <= m.when.start and m.when.end <= e.end


def nested(m: Mention, e: Expected) -> bool:
    return m.when is not None and (within(m, e) or (m.when.start <= e.start and e.end <= m.when.end))


def matches(m: Mention, e: Expected, strict: bool = False) -> bool:
    return m.type in e.types and (within(m, e) if strict else nested(m, e))


def mentions_by_file(corpus_dir: Path) -> tuple[dict[str, list[Mention]], dict[str, str]]:
    corpus = read_corpus(corpus_dir)
    gazetteer = Gazetteer.load(corpus.root)
    regions = find_boilerplate(corpus.documents)
    work = [(doc, regions.get(doc.source.id, [])) for doc in corpus.documents]
    found = extract_all(work, gazetteer)
    by_file: dict[str, list[Mention]] = {}
    languages: dict[str, str] = {}
    for (doc, _), (mentions, _claims) in zip(work, found):
        by_file[doc.source.path] = mentions
        languages[doc.source.path] = (doc.language or "?")
    return by_file, languages


def score(corpus_dir: Path = DEFAULT) -> dict[str, LanguageScore]:
    expected = load_expected(corpus_dir)
    by_file, languages = mentions_by_file(corpus_dir)
    missing = sorted({e.file for e in expected} - set(by_file))
    if missing:
        raise SystemExit(f"expected.toml names files the corpus does not have: {', '.join(missing)}")
    scores: dict[str, LanguageScore] = {}
    for language in sorted(set(languages.values())):
        files = [f for f, lang in languages.items() if lang == language]
        wanted = [e for e in expected if languages[e.file] == language]
        found = [e for e in wanted if any(matches(m, e) for m in by_file[e.file])]
        strict = [e for e in wanted if any(matches(m, e, strict=True) for m in by_file[e.file])]
        dated = [m for f in files for m in by_file[f] if m.when is not None]
        path_of = {m.source: f for f in files for m in by_file[f]}
        good = [m for m in dated if any(matches(m, e) for e in wanted if e.file == path_of[m.source])]
        scores[language] = LanguageScore(language, len(wanted), len(found), len(strict), len(dated), len(good),
                                         [e for e in wanted if e not in found],
                                         [m for m in dated if m not in good])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list the expected events not found")
    parser.add_argument("--extra", action="store_true", help="list the dated mentions that match no expected event")
    args = parser.parse_args(argv)
    scores = score(args.corpus)
    for s in scores.values():
        print(f"{s.language}: recall {s.recall:.2f} ({s.found}/{s.expected}; strict {s.recall_strict:.2f})  "
              f"precision {s.precision:.2f} ({s.matching}/{s.dated} dated mentions)")
    for s in scores.values():
        if args.misses and s.misses:
            print(f"\nmisses ({s.language}):")
            for e in s.misses:
                print(f"  {e.file}  {'/'.join(e.types)}  {e.start}..{e.end}  {e.words}")
        if args.extra and s.extra:
            print(f"\ndated mentions matching nothing ({s.language}):")
            for m in s.extra:
                print(f"  {m.source}  {m.type}/{m.modality}  {m.when.edtf if m.when else None}  "
                      f"[{m.time_text}] {m.quote[:110]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
