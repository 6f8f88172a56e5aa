"""Fuzzing llamaline (issue 14): random texts, front matter, manifests, file names, encodings and publication
dates through the library and the command line. A crash is an exception that is not a LlamalineError (reading
may refuse input with one; nothing after reading may fail at all), a command that says "internal error" or
exits with an unexpected code, or a citation whose quote is not `text[start:end]`.

    python bench/fuzz.py                        # 100,000 inputs, seed 0, on every core
    python bench/fuzz.py -n 5000 --seed 7 --jobs 1
    python bench/fuzz.py --out /tmp/fuzz        # keep one reproducer per kind of crash

Prints the crash count and one line per kind of crash (exception type and where it was raised). The same seed
gives the same inputs. The suite's tests/test_fuzz.py runs a small bounded version of this on every commit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["LLAMALINE_NO_CACHE"] = "1"

# --- pieces inputs are made of ----------------------------------------------------------------------

TIME = [
    "gestern", "heute", "morgen", "vorgestern", "übermorgen", "am 5. April 2025", "Anfang Mai", "Mitte Juni 2024",
    "Ende des Jahres", "im Herbst", "im kommenden Frühjahr", "Q3 2025", "im dritten Quartal", "vor drei Wochen",
    "in zwei Monaten", "nächstes Jahr", "letzte Woche", "am Wochenende", "zwischen Mai und Juni", "von 2024 bis 2023",
    "31. Februar 2025", "29. Februar 2023", "im Jahr 0", "Ende 9999", "10000", "1. Januar 0001", "2025-13-45",
    "2025-05-15", "15.05.2025", "Mai 2025", "seit April", "bis spätestens Ende Juni", "frühestens 2026",
    "yesterday", "tomorrow", "last week", "next Friday", "early April", "in the autumn", "by the end of the year",
    "in two weeks", "three months ago", "from May to July", "between 2024 and 2025", "on 5 April 2025", "H2 2025",
    "mid-2025", "the 1990s", "the next decade", "12/31/9999", "Monday", "am Montag", "1 BC", "year 10000",
]
NAMES = ["Meta", "Llama 4", "Llama 4 Behemoth", "OpenAI", "GPT-5", "Yann LeCun", "Mark Zuckerberg", "Reuters",
         "das Wall Street Journal", "[/]Reuters", "[bold]Meta[/bold]", "İstanbul AI", "ﬁrm", "Ǆemal", "Straße GmbH",
         "e\u0301cole", "Ⅻ Labs", "ß", "ΣΑΣ", "株式会社", "\U0001F999 Llama"]
VERBS = ["kündigte an", "stellte vor", "veröffentlichte", "verschob", "verließ", "gründete", "investierte",
         "hat vorgestellt", "wird erscheinen", "soll kommen", "announced", "released", "delayed", "left", "hired",
         "founded", "said", "reported", "will launch", "was abandoned", "laut WSJ", "according to Reuters", "berichtet"]
NUMBERS = ["400 Milliarden Parameter", "2 Billionen Parameter", "10 Millionen Token", "1,5 Mrd. Dollar",
           "2 trillion parameters", "10M tokens", "$65 billion", "bis zu 288 Milliarden", "mindestens 3", "99 %",
           "1e308", "-0", "0x1F", "9" * 40, "3.14.15", "1/0"]
GLUE = [" ", " ", " ", ". ", ". ", ", ", "! ", "? ", "\n", "\n\n", "\n\n", ": ", " – ", " - ", "„", "“", "»", "«",
        "\"", "'", "(", ")", "[", "]", "...", "…", "\t", "\r\n", "\u2028", "\x85", "\xa0", "\u200b", "\ufeff",
        "\x00", "\x0c", "#", "##", "* ", "- ", "1. ", "|", "\\", "/"]
BOILERPLATE = ["Mehr zum Thema:", "Ähnliche Beiträge", "Quellen", "Anzeige", "#KI #Meta #Llama", "Related articles",
               "Sources:", "Newsletter abonnieren", "https://example.com/2025/05/15/x", "[Link](https://a.b/2025-05)",
               "Teilen Sie diesen Artikel", "www.example.de", "de_DE", "HOT CATEGORIES", "Lesen Sie auch"]
FRONT_VALUES = ["2025-05-15", "2025-13-45", "2025-02-30", "0000-01-01", "0001-01-01T00:00:00Z", "9999-12-31",
                "2025", "2025-05", "0001", "[2025]", "{a: 1}", "&a [*a]", "*a", "[[[[[[[[]]]]]]]]", "!!binary aGVsbG8=",
                "!!python/object:os.system x", ".nan", "-.inf", "null", "~", "yes", "'[/]Reuters'", "\"\\x00\"",
                "|\n  block", "2025-05-15T25:00:00", "[a, b, c]", "de", "en", "fr", "de-AT", "EN_us", "''",
                "\"unterminated", "!!set {a, b}", "!!timestamp 2025-02-30", "12345678901234567890", "-1", "1e400",
                "!!int abc", "!!float x", "!!bool maybe", "!!timestamp x", "!!int 0x", "9" * 5000]
FRONT_KEYS = ["title", "url", "outlet", "author", "language", "lang", "published", "id", "tags", "updated",
              "Published", "1", "'quoted key'", "? complex", "<<"]
MANIFEST_VALUES = ['"2025-05-15"', '"2025-13-45"', "2025-02-28", "1979-05-27T07:32:00Z", '"[/]Reuters"', "1", "[1, 2]",
                   "{a = 1}", '"x"', "true", '"de"', '"fr"', "nan", "inf", '""', "'''multi\nline'''"]
SUFFIXES = [".txt", ".md", ".TXT", ".Md", ".html", "", ".txt.bak", ".json", ".jsonl", ".htm"]


def article(rng: random.Random, size: int | None = None) -> str:
    """A text made of time words, names, verbs, numbers, boilerplate and glue."""
    size = size if size is not None else rng.choice([0, 1, 3, 10, 30, 80, 200])
    parts = []
    for _ in range(size):
        pool = rng.choices([TIME, NAMES, VERBS, NUMBERS, GLUE, BOILERPLATE, None], [5, 5, 5, 2, 8, 1, 1])[0]
        if pool is None:
            parts.append("".join(
                chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000), rng.randrange(0x10000, 0x10FFFF)]))
                for _ in range(rng.randrange(1, 6))
            ))
        else:
            parts.append(rng.choice(pool))
        if rng.random() < 0.5:
            parts.append(" ")
    return "".join(p for p in parts if not ("\ud800" <= p[:1] <= "\udfff"))


def front_matter(rng: random.Random) -> str:
    lines = [f"{rng.choice(FRONT_KEYS)}: {rng.choice(FRONT_VALUES)}" for _ in range(rng.randrange(0, 6))]
    if rng.random() < 0.1:
        lines.append("a: &a [x]\nb: [*a, *a]")
    return "---\n" + "\n".join(lines) + ("\n---\n" if rng.random() < 0.9 else "\n")


def jsonl(rng: random.Random) -> str:
    """Lines of JSON articles, some broken, some with odd metadata."""
    lines = []
    for _ in range(rng.randrange(0, 5)):
        record = {"text": article(rng)}
        keys = ["title", "url", "outlet", "published", "language", "lang", "id", "x"]
        for key in rng.sample(keys, rng.randrange(0, 4)):
            record[key] = rng.choice([article(rng, 2), 2025, None, [1], {"a": 1}, published(rng) or "", "2025-02-30"])
        line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
        lines.append(line[: rng.randrange(len(line))] if rng.random() < 0.1 else line)
    return "\n".join(lines) + rng.choice(["", "\n", "\n\n"])


def html(rng: random.Random) -> str:
    """A saved page: head metadata, navigation, the article in paragraphs, a footer; sometimes broken."""
    meta = "".join(f'<meta property="{k}" content="{rng.choice(FRONT_VALUES)}">'
                   for k in rng.sample(["og:title", "article:published_time", "og:site_name", "author"], 2))
    paragraphs = "".join(f"<p>{article(rng, 20)}</p>" for _ in range(rng.randrange(0, 6)))
    page = (f"<html><head><title>{article(rng, 3)}</title>{meta}</head><body><nav>{rng.choice(BOILERPLATE)}</nav>"
            f"<article><h1>{article(rng, 4)}</h1>{paragraphs}</article>"
            f"<footer>{rng.choice(BOILERPLATE)}</footer></body></html>")
    return page[: rng.randrange(len(page))] if rng.random() < 0.1 else page


def encode(rng: random.Random, text: str) -> bytes:
    how = rng.choices(["utf-8", "utf-8-sig", "utf-16", "cp1252", "stray", "junk", "nul"], [10, 1, 1, 1, 2, 1, 1])[0]
    if how == "cp1252":
        return text.encode("cp1252", "replace")
    if how == "stray":
        raw = bytearray(text.encode("utf-8"))
        for _ in range(rng.randrange(1, 4)):
            raw.insert(rng.randrange(len(raw) + 1), rng.randrange(0x80, 0x100))
        return bytes(raw)
    if how == "junk":
        return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
    if how == "nul":
        raw = bytearray(text.encode("utf-8"))
        raw.insert(rng.randrange(len(raw) + 1), 0)
        return bytes(raw)
    return text.encode(how, "surrogatepass" if how == "utf-8" else "strict")


def file_name(rng: random.Random, n: int) -> bytes:
    stem = rng.choice([b"a", b"M\xe4rz", "März".encode(), b"x y", b"[/]", b"-n", b"a\\b", b"sub/c", b"..x", b"\xff\xfe",
                       "İ".encode(), b"CON", b"%s", b"a" * 200])
    return stem + b"%d" % n + rng.choice(SUFFIXES).encode()


def manifest(rng: random.Random, names: list[str]) -> str:
    out = []
    chosen = rng.sample(names, k=min(len(names), rng.randrange(0, 3))) + (["gone.txt"] if rng.random() < 0.1 else [])
    for name in chosen:
        key = name.replace("/", "\\") if rng.random() < 0.2 else name
        out.append(f"[{json.dumps(key)}]")
        for _ in range(rng.randrange(0, 4)):
            field = rng.choice(["id", "title", "published", "outlet", "language", "x"])
            out.append(f"{field} = {rng.choice(MANIFEST_VALUES)}")
    if rng.random() < 0.05:
        out.append("[broken")
    return "\n".join(out) + "\n"


def published(rng: random.Random) -> str | None:
    if rng.random() < 0.1:
        return None
    year = rng.choice([1, 2, 1999, 2024, 2025, 2026, 9998, 9999, rng.randrange(1, 10000)])
    precision = rng.choice(["year", "month", "day"])
    if precision == "year":
        return f"{year:04d}"
    month = rng.choice([1, 2, 12, rng.randrange(1, 13)])
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{rng.choice([1, 28, 29, 30, 31, rng.randrange(1, 32)]):02d}"


# --- checks -------------------------------------------------------------------------------------------

class Crash(Exception):
    """A wrong citation: the quote is not the text at its offsets."""


def check_timeline(timeline, texts: dict[str, str]) -> None:
    """Every quote (mention, claim) and every marked time or value is the text at its offsets."""
    mentions = [m for e in timeline.events for m in e.mentions] + list(timeline.unplaced)
    for m in mentions:
        text = texts[m.source]
        if text[m.start:m.end] != m.quote:
            raise Crash(f"mention quote is not text[start:end] in {m.source}: {m.quote!r}")
        if m.time_text is not None and m.time_start is not None and text[m.time_start:m.time_end] != m.time_text:
            raise Crash(f"time_text is not text[time_start:time_end] in {m.source}: {m.time_text!r}")
    for track in timeline.claims:
        for c in track.claims:
            if texts[c.source][c.start:c.end] != c.quote:
                raise Crash(f"claim quote is not text[start:end] in {c.source}: {c.quote!r}")
    json.loads(timeline.model_dump_json(by_alias=True))


def check_tagged(text: str, found) -> None:
    for e in found:
        if text[e.start:e.end] != e.text:
            raise Crash(f"time expression is not text[start:end]: {e.text!r}")


# --- one input ------------------------------------------------------------------------------------------

def case_tag(rng: random.Random, workdir: Path) -> None:
    from llamaline import api

    text = article(rng)
    pub = published(rng)
    try:
        anchor = api.as_span(pub)
    except ValueError:
        return  # an impossible --published is a usage error, checked by the command line
    found = api.tag(text, anchor, rng.choice(["de", "en", None]))
    check_tagged(text, found)


def case_pipeline(rng: random.Random, workdir: Path) -> None:
    """Documents built in memory (no reading): nothing may fail, every quote must hold."""
    from llamaline.models import Source
    from llamaline.pipeline import timeline_of
    from llamaline.temporal.timespan import parse_iso
    from llamaline.text.corpus import Corpus, Document, bundled_corpus

    documents = []
    for n in range(rng.randrange(1, 4)):
        text = article(rng, rng.choice([5, 30, 100, 300]))
        pub = published(rng)
        try:
            span = parse_iso(pub) if pub else None
        except ValueError:
            span = None
        source = Source(id=f"d{n}", path=f"d{n}.txt", language=rng.choice(["de", "en"]), published=span,
                        outlet=rng.choice([None, "Reuters", "[/]Reuters", "Reuters"]))
        documents.append(Document(source=source, text=text, body_start=rng.choice([0, 0, min(len(text), 5)])))
    root = bundled_corpus() if rng.random() < 0.7 else workdir
    timeline = timeline_of(Corpus(root=root, documents=documents))
    check_timeline(timeline, {d.source.id: d.text for d in documents})


def write_corpus(rng: random.Random, folder: Path) -> None:
    names = []
    for n in range(rng.randrange(1, 4)):
        raw_name = file_name(rng, n)
        if b"/" in raw_name:
            os.makedirs(os.path.join(os.fsencode(folder), raw_name.rsplit(b"/", 1)[0]), exist_ok=True)
        if raw_name.lower().endswith(b".jsonl"):
            body = jsonl(rng)
        elif raw_name.lower().endswith((b".html", b".htm")):
            body = html(rng)
        else:
            body = (front_matter(rng) if rng.random() < 0.5 else "") + article(rng)
        with open(os.path.join(os.fsencode(folder), raw_name), "wb") as handle:
            handle.write(encode(rng, body))
        names.append(os.fsdecode(raw_name))
    if rng.random() < 0.3:
        (folder / "sources.toml").write_text(manifest(rng, names), encoding="utf-8", errors="surrogateescape")
    if rng.random() < 0.1:
        entities = rng.choice(['[[entity]]\nname = "[/]X"\nkind = "organisation"\n', "[broken",
                               '[[entity]]\nname = 1\n', "x = 1\n"])
        (folder / "entities.toml").write_text(entities, encoding="utf-8")
    if rng.random() < 0.05:
        os.mkfifo(folder / "pipe.txt")
    if rng.random() < 0.05:
        (folder / "loop").symlink_to(folder, target_is_directory=True)


def case_corpus(rng: random.Random, workdir: Path) -> None:
    """Files on disk through read_corpus: reading may refuse with a LlamalineError, nothing else may fail."""
    from llamaline.errors import LlamalineError
    from llamaline.text.corpus import read_corpus

    folder = workdir / "corpus"
    write_corpus(rng, folder)
    try:
        corpus = read_corpus(folder)
    except LlamalineError:
        return
    check_timeline(build(corpus), {d.source.id: d.text for d in corpus.documents})


def build(corpus):
    """The timeline of a corpus read: the one refusal left is an entities.toml whose tables make no sense (the
    gazetteer is loaded when building, so a cached timeline need not import it)."""
    from llamaline.errors import CorpusError
    from llamaline.pipeline import timeline_of

    try:
        return timeline_of(corpus)
    except CorpusError as exc:
        if "entities.toml" not in str(exc):
            raise
        from llamaline.models import Timeline

        return Timeline(sources=[], events=[])


def case_cli(rng: random.Random, workdir: Path) -> None:
    """A command on a random corpus: exit 0, 1 or 2, never "internal error" or a traceback."""
    from typer.testing import CliRunner

    from llamaline.cli import app

    folder = workdir / "corpus"
    write_corpus(rng, folder)
    corpus = ["--corpus", str(folder)]
    args = rng.choice([
        ["timeline", *corpus], ["timeline", "--json", *corpus], ["export", *corpus], ["claims", *corpus],
        ["sources", "--event", rng.choice(["llama", "x", "2025", "[/]"]), *corpus],
        ["export", "-o", str(workdir / "out.json"), *corpus],
        ["tag", "-", "--published", published(rng) or "2025"],
    ])
    stdin = encode(rng, article(rng)) if args[0] == "tag" else None
    result = CliRunner().invoke(app, args, input=stdin)
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    if result.exit_code not in (0, 1, 2) or "internal error" in output or "Traceback" in output:
        raise Crash(f"llamaline {' '.join(args[:2])}: exit {result.exit_code}: {output.strip().splitlines()[-1:]}")


CASES = [(case_tag, 4), (case_pipeline, 3), (case_corpus, 2), (case_cli, 1)]


def run_one(seed: int, index: int, workdir: Path) -> tuple[str, str] | None:
    """(kind of crash, details) for input `index`, or None."""
    rng = random.Random(f"{seed}:{index}")
    case = rng.choices([c for c, _ in CASES], [w for _, w in CASES])[0]
    for child in list(workdir.iterdir()) if workdir.exists() else []:
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    (workdir / "corpus").mkdir(parents=True, exist_ok=True)
    try:
        case(rng, workdir)
    except Crash as exc:
        return f"{case.__name__}: wrong output", str(exc)
    except Exception as exc:  # noqa: BLE001 - that is what is counted
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "llamaline" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        return f"{case.__name__}: {type(exc).__name__} at {where}", f"{exc}"[:300]
    return None


def worker(seed: int, indices: range, out: str | None) -> list[tuple[int, str, str]]:
    found = []
    workdir = Path(tempfile.mkdtemp(prefix="llamaline-fuzz-"))
    try:
        for index in indices:
            crash = run_one(seed, index, workdir)
            if crash is not None:
                found.append((index, *crash))
                if out:
                    keep = Path(out) / f"{index}"
                    shutil.copytree(workdir, keep, symlinks=True, dirs_exist_ok=True, ignore_dangling_symlinks=True,
                                    ignore=lambda d, names: [n for n in names if n == "pipe.txt"])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", help="folder to keep one reproducer per crash in")
    args = parser.parse_args()
    began = time.perf_counter()
    jobs = max(1, min(args.jobs, args.inputs))
    chunks = [range(k, args.inputs, jobs) for k in range(jobs)]
    if jobs == 1:
        results = [worker(args.seed, chunks[0], args.out)]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(worker, [args.seed] * jobs, chunks, [args.out] * jobs))
    crashes = sorted(c for found in results for c in found)
    kinds = Counter(kind for _, kind, _ in crashes)
    print(f"{args.inputs} inputs (seed {args.seed}) in {time.perf_counter() - began:.0f} s: {len(crashes)} crashes")
    for kind, count in kinds.most_common():
        index, _, detail = next(c for c in crashes if c[1] == kind)
        print(f"  {count:6d}  {kind}  (first: input {index}: {detail[:160]})")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
