"""The command line: each command parses options, calls the library, renders. No logic lives here.

Imports of the pipeline happen inside the commands, so `llamaline --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional, TextIO  # noqa: UP035 - typer options are typed with typing.List

import typer

from .errors import ExitStatus, LlamalineError, OutputError

if TYPE_CHECKING:
    from rich.console import Console

    from .api import Progress
    from .text.corpus import Corpus, Document
    from .models import Timeline

app = typer.Typer(
    name="llamaline",
    help=(
        "Turn a folder of news articles (German and English) into a reconciled, cited timeline.\n\n"
        "Without --corpus, every command reads the bundled corpus of five articles.\n\n"
        "\b\nExamples:\n"
        "  llamaline timeline\n"
        "  llamaline timeline --corpus ./articles --from 2025-04 --to 2025-06 --min-sources 2\n"
        "  llamaline sources --event 'words of an event title'\n"
        "  llamaline export --format json -o timeline.json\n"
        "  llamaline claims --attribute release_target\n"
        "  echo 'Mitte März wurde das Modell vorgestellt.' | llamaline tag - --published 2024-06\n"
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: importing rich for it would double the start-up time
    context_settings={"help_option_names": ["-h", "--help"]},
)

CORPUS_HELP = ("Folder of articles (.txt, .md, .html, .jsonl; searched recursively), one article file, or - for "
               "JSON lines or a list of paths on standard input. Default: the bundled corpus.")
CorpusOption = typer.Option(None, "--corpus", "-c", help=CORPUS_HELP, show_default=False)
JsonOption = typer.Option(False, "--json", help="Print JSON for scripts instead of the terminal view.")
JobsOption = typer.Option(
    1,
    "--jobs",
    "-j",
    min=1,
    help="Extract mentions in N processes (at most one per core and per file).",
)
NoCacheOption = typer.Option(
    False,
    "--no-cache",
    help="Build the timeline afresh: neither read nor write the result cache.",
)


class _GuardedStdout:
    """Standard output for rich: a full disk or a closed pipe becomes an OutputError (one line, exit 1)."""

    def write(self, text: str) -> int:
        out = _real_stdout()
        try:
            return out.write(text)
        except UnicodeEncodeError:  # a terminal that is not UTF-8: what it cannot show becomes '?'
            encoding = getattr(out, "encoding", None) or "ascii"
            return self.write(text.encode(encoding, "replace").decode(encoding, "replace"))
        except OSError as exc:
            raise _output_error(exc) from None

    def flush(self) -> None:
        try:
            _real_stdout().flush()
        except OSError as exc:
            raise _output_error(exc) from None

    def __getattr__(self, name: str):
        return getattr(_real_stdout(), name)


def _real_stdout():
    if sys.stdout is None:  # started with standard output closed
        raise OutputError("cannot write to standard output: it is closed")
    return sys.stdout


def _output_error(exc: OSError) -> OutputError:
    return OutputError(f"cannot write to standard output: {exc.strerror or exc}")


def _silence_stdout() -> None:
    """After a failed write, what is still buffered goes nowhere instead of failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _stdout() -> Console:
    from rich.console import Console

    return Console(file=_GuardedStdout(), highlight=False, soft_wrap=False)  # type: ignore[arg-type]


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextmanager
def _failures() -> Iterator[None]:
    """Every failure is one line on stderr and exit 1; no traceback reaches the user."""
    try:
        yield
    except OutputError as exc:
        _silence_stdout()
        _error(str(exc))
    except LlamalineError as exc:
        _error(str(exc))
    except BrokenProcessPool as exc:
        _error(f"a worker process failed ({exc or 'it ended unexpectedly'}); try fewer --jobs")
    except KeyboardInterrupt:
        _error("interrupted")
    except (typer.Exit, typer.Abort, typer.BadParameter, SystemExit):  # a usage error is exit 2, from typer
        raise
    except Exception as exc:  # a bug: still one line, with a way to see more
        if _debug():
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set LLAMALINE_DEBUG=1 for details)")


def _error(message: str) -> None:
    print(f"llamaline: error: {message}", file=sys.stderr)
    raise typer.Exit(ExitStatus.ERROR)


def _debug() -> bool:
    import os

    return bool(os.environ.get("LLAMALINE_DEBUG"))


class _Verbosity:
    """What the user asked to hear on stderr: --quiet (errors only), the default, --verbose (what took how long)."""

    level = 1


def _say(message: str, level: int = 1) -> None:
    if _Verbosity.level >= level:
        print(f"llamaline: {message}", file=sys.stderr)


def _read(corpus_dir: Optional[Path]) -> Corpus:
    """Read the corpus and tell the user (stderr) about every file not read and every warning."""
    from .api import read_corpus

    with _timed("read the corpus"):
        if str(corpus_dir) == "-":  # JSON lines or a list of paths on standard input
            from .text.corpus import read_stream

            corpus = read_stream(sys.stdin.buffer.read())
        else:
            corpus = read_corpus(corpus_dir)
    for skipped in corpus.skipped:
        _say(f"skipped {skipped.path}: {skipped.reason}")
    for warning in corpus.warnings:
        _say(f"warning: {warning}")
    _say(f"{len(corpus.documents)} articles in {corpus.root}", level=2)
    return corpus


def _timeline(corpus_dir: Optional[Path], jobs: int, no_cache: bool = False) -> Timeline:
    from .api import build_timeline

    corpus = _read(corpus_dir)
    workers = _workers(jobs, len(corpus.documents))
    try:
        with _timed(f"built the timeline of {len(corpus.documents)} articles"), \
                _progress(len(corpus.documents)) as progress:
            return build_timeline(corpus, jobs=workers, cache=not no_cache, progress=progress)
    except OSError as exc:  # the pipeline reads nothing from disk: this is the process pool failing to start
        if workers == 1:
            raise
        raise LlamalineError(f"cannot start {workers} worker processes: {exc.strerror or exc}; try --jobs 1") from None


def _workers(jobs: int, files: int) -> int:
    """--jobs, at most one process per core and per file; workers that cannot start are one line."""
    return max(1, min(jobs, os.cpu_count() or 1, files))


@contextmanager
def _timed(what: str) -> Iterator[None]:
    import time

    start = time.perf_counter()
    yield
    _say(f"{what} in {time.perf_counter() - start:.2f} s", level=2)


PROGRESS_EVERY = 10.0  # seconds between lines on how far a huge document has come, when stderr is no terminal


@contextmanager
def _progress(articles: int, delay: float = 1.0) -> Iterator[Optional[Progress]]:
    """A spinner on stderr when building takes longer than `delay` and stderr is a terminal (never with --quiet);
    yields what hears how far a huge document has come (see `pieces.py`): the spinner says it, or without a
    terminal, a line every `PROGRESS_EVERY` seconds."""
    if _Verbosity.level < 1:
        yield None
        return
    if not sys.stderr.isatty():
        yield _progress_lines()
        return
    import threading

    from rich.markup import escape
    from rich.status import Status

    label = f"reading {articles} article{'s' * (articles != 1)} …"
    status = Status(label, console=_stderr())

    def progress(document: Document, done: int, total: int) -> None:
        status.update(f"{label} {escape(document.source.path)}: {_share(done, total)} analysed")

    timer = threading.Timer(delay, status.start)
    timer.start()
    try:
        yield progress
    finally:
        timer.cancel()
        status.stop()


def _progress_lines() -> Progress:
    import time

    last = time.monotonic()

    def progress(document: Document, done: int, total: int) -> None:
        nonlocal last
        if time.monotonic() - last >= PROGRESS_EVERY:
            last = time.monotonic()
            _say(f"{document.source.path}: {_share(done, total)} analysed")

    return progress


def _share(done: int, total: int) -> str:
    return f"{100 * done // max(1, total)} %"


def _emit(text: str | Callable[[TextIO], None]) -> None:
    """Data (JSON, exports) to stdout, always as UTF-8 whatever the locale says: a text, or what a function
    writes to the stream it is given."""
    out = _real_stdout()
    buffer = getattr(out, "buffer", None)
    try:
        if buffer is None:
            if callable(text):
                text(out)
            else:
                out.write(text)
            out.flush()
            return
        out.flush()
        if callable(text):
            import io

            stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
            try:
                text(stream)
                stream.flush()
            finally:
                stream.detach()  # standard output stays open
        else:
            buffer.write(text.encode("utf-8"))
        buffer.flush()
    except OSError as exc:
        raise _output_error(exc) from None


def _json(data: object) -> None:
    import json

    _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def _option(name: str) -> Iterator[None]:
    """A ValueError from the library about an argument becomes a usage error naming the option."""
    try:
        yield
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


@app.command()
def timeline(
    corpus: Optional[Path] = CorpusOption,
    since: Optional[str] = typer.Option(
        None,
        "--from",
        metavar="DATE",
        help="Only events that reach this date or later (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    until: Optional[str] = typer.Option(
        None,
        "--to",
        metavar="DATE",
        help="Only events that begin on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    types: Optional[List[str]] = typer.Option(
        None,
        "--type",
        "-t",
        metavar="TYPE",
        help="Only events of this type (repeatable), e.g. delay.",
    ),
    subjects: Optional[List[str]] = typer.Option(
        None,
        "--subject",
        "-s",
        metavar="WORDS",
        help="Only events about this subject (repeatable; words of the name suffice).",
    ),
    min_sources: int = typer.Option(
        1,
        "--min-sources",
        "-m",
        min=1,
        metavar="N",
        help="Only events backed by at least N sources.",
    ),
    all_: bool = typer.Option(
        False,
        "--all",
        "-a",
        help="Also untyped events (type other: happenings no event type describes).",
    ),
    json_: bool = JsonOption,
    jobs: int = JobsOption,
    no_cache: bool = NoCacheOption,
) -> None:
    """The reconciled events in date order, grouped by month, with how many sources back each.

    Untyped events (type other) are shown with --all or --type other.

    Example: llamaline timeline --type delay --from 2025-01 --min-sources 2
    """
    from .api import as_span, event_types, select_events

    with _option("--from"):
        as_span(since)
    with _option("--to"):
        as_span(until)
    with _option("--type"):
        event_types(types)
    with _failures():
        result = _timeline(corpus, jobs, no_cache)
        events = select_events(result.events, since=since, until=until, types=types, subjects=subjects,
                               min_sources=min_sources, include_untyped=all_)
        if json_:
            from .views.export import to_json

            _emit(to_json(result.model_copy(update={"events": events})))
        else:
            from .views.terminal import timeline_view

            timeline_view(events, _stdout(), total=len(result.events))


@app.command()
def sources(
    event: str = typer.Option(
        ...,
        "--event",
        "-e",
        metavar="ID_OR_WORDS",
        help="An event id, an id prefix, or words of its title or subjects.",
    ),
    corpus: Optional[Path] = CorpusOption,
    json_: bool = JsonOption,
    jobs: int = JobsOption,
    no_cache: bool = NoCacheOption,
) -> None:
    """Every citation of one event: source, outlet, date, the quoted sentence with its time marked, attribution.

    Example: llamaline sources --event EVENT-ID   (or: --event "words of its title")
    """
    from .api import AmbiguousEvent
    from .api import sources as citations_of

    if not event.strip():
        raise typer.BadParameter("name an event: an id, an id prefix, or words of its title", param_hint="--event")
    with _failures():
        try:
            cited = citations_of(event, timeline=_timeline(corpus, jobs, no_cache))
        except AmbiguousEvent as exc:
            from .views.terminal import candidates_view

            candidates_view(exc.candidates, _stderr())
            raise
        if json_:
            _json({"event": cited.event.model_dump(mode="json"),
                   "sources": [s.model_dump(mode="json") for s in cited.sources.values()]})
        else:
            from .views.terminal import sources_view

            sources_view(cited.event, cited.sources, _stdout())


@app.command()
def export(
    format: str = typer.Option(
        "json",
        "--format",
        "-f",
        metavar="FORMAT",
        help="json, jsonl, csv, md, timelinejs or html.",
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help=(
            "Write to FILE (atomically) instead of stdout; - for stdout. "
            "A symlink is followed; anything but a regular file is refused."
        ),
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE even where it is read-only."),
    schema: bool = typer.Option(False, "--schema", help="Print the JSON Schema of the export and exit."),
    corpus: Optional[Path] = CorpusOption,
    jobs: int = JobsOption,
    no_cache: bool = NoCacheOption,
) -> None:
    """The whole timeline (sources, events, citations) in a format: JSON (schema llamaline.timeline/1), JSON lines
    (one event a line), CSV (one citation a row), a Markdown report, TimelineJS 3 JSON, or one offline HTML page.

    Example: llamaline export --format html -o timeline.html
    """
    from functools import partial

    from .api import check_format

    with _option("--format"):
        check_format(format)
    with _failures():
        from .views.export import check_output, render_to, schema_json, write_atomic

        to_file = output is not None and str(output) != "-"
        if to_file:
            check_output(output, force=force)  # a bad FILE is refused before the work, not after
        if schema:
            text = schema_json()
        else:  # written as it is made: the export of a huge timeline is never one string in memory
            text = partial(render_to, _timeline(corpus, jobs, no_cache), format)
        if not to_file:
            _emit(text)
        else:
            write_atomic(output, text, force=force)
            print(f"llamaline: wrote {output}", file=sys.stderr)


@app.command()
def claims(
    subject: Optional[str] = typer.Option(
        None,
        "--subject",
        "-s",
        metavar="WORDS",
        help="Only claims about this subject (words of the name suffice).",
    ),
    attribute: Optional[str] = typer.Option(
        None,
        "--attribute",
        "-a",
        metavar="NAME",
        help="Only this attribute, e.g. parameters, context_window, release_target, status.",
    ),
    corpus: Optional[Path] = CorpusOption,
    json_: bool = JsonOption,
    jobs: int = JobsOption,
    no_cache: bool = NoCacheOption,
) -> None:
    """What each source claimed (numbers, target dates, statuses) and how each claim changed over time.

    Example: llamaline claims --attribute release_target
    """
    with _failures():
        from .api import claims as claim_tracks

        read = _read(corpus)
        with _progress(len(read.documents)) as progress:
            tracks = claim_tracks(read, subject=subject, attribute=attribute,
                                  jobs=_workers(jobs, len(read.documents)), cache=not no_cache, progress=progress)
        if json_:
            _json([t.model_dump(mode="json") for t in tracks])
        else:
            from .views.claims import claims_view

            claims_view(tracks, _stdout())


@app.command()
def tag(
    file: str = typer.Argument(
        "-",
        metavar="[FILE|-]",
        help="A text file, or - for standard input.",
        show_default=False,
    ),
    published: Optional[str] = typer.Option(
        None,
        "--published",
        "-p",
        metavar="DATE",
        help="Publication date the expressions are resolved against (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    language: Optional[str] = typer.Option(
        None,
        "--language",
        "-l",
        metavar="CODE",
        help="Language of the text (de, en). Default: detected.",
    ),
    json_: bool = typer.Option(
        False,
        "--json",
        help='Print a JSON list of {"text", "start", "end", "when", "type", "value", ...}.',
    ),
    format: str = typer.Option(
        "table",
        "--format",
        "-f",
        metavar="FORMAT",
        help="table, json, or timeml (the text with TIMEX3 tags, for TempEval tools).",
    ),
    corpus: Optional[Path] = CorpusOption,
) -> None:
    """The time expressions in one text, each resolved against the publication date, with its TIMEX3 type and value.

    A FILE inside the corpus takes its publication date and language from the corpus metadata.

    Example: echo "Ende Juni stellte die Firma ihr Modell vor." | llamaline tag - --published 2024-07-15
    """
    from .api import as_span, language_code

    if format not in ("table", "json", "timeml"):
        raise typer.BadParameter(f"unknown format {format!r} (have: table, json, timeml)", param_hint="--format")
    with _option("--published"):
        as_span(published)
    with _option("--language"):
        if language is not None:
            language_code(language)
    with _failures():
        from .api import tag as find_times
        from .api import tag_file

        if file == "-":
            text = _read_stdin()
            anchor = as_span(published)
            expressions = find_times(text, published, language)
        else:
            with _option("FILE"):
                tagged = tag_file(file, corpus, published=published, language=language)
            text, expressions, anchor = tagged.text, tagged.expressions, tagged.published
            if tagged.warning:
                _say(f"warning: {file}: {tagged.warning}")
        if json_ or format == "json":
            _json([e.model_dump(mode="json", exclude_defaults=False) for e in expressions])
        elif format == "timeml":
            from .temporal.timeml import to_timeml

            document = to_timeml(text, expressions, anchor)
            _emit(document if document.endswith("\n") else document + "\n")
        else:
            from .views.terminal import tag_view

            tag_view(text, expressions, _stdout(), anchored=anchor is not None)


@app.command()
def text(
    source: str = typer.Argument(..., metavar="SOURCE", help="A source id (as in the export's sources) or its path."),
    corpus: Optional[Path] = CorpusOption,
) -> None:
    """The text of one source exactly as llamaline read it: every citation's start and end are offsets into it.

    For a saved web page that is the article text extracted from the HTML; for a JSON-lines file, one line's text.

    Example: llamaline text 000_ae96c7f18c7de5f6
    """
    with _failures():
        from .api import source_text

        _emit(source_text(source, _read(corpus)))


@app.command()
def add(
    urls: List[str] = typer.Argument(..., metavar="URL...", help="Addresses of web pages (http or https)."),
    corpus: Path = typer.Option(
        ...,
        "--corpus",
        "-c",
        help="The corpus folder to save the articles in (created if missing).",
    ),
) -> None:
    """Fetch web pages into a corpus folder, each saved as Markdown with front matter (title, url, outlet, author,
    published, language). A page already in the corpus (by URL) is not fetched again.

    Example: llamaline add https://example.org/news/article.html --corpus ./articles
    """
    with _failures():
        from .api import add_articles

        results = add_articles(urls, corpus)
        for result in results:
            if result.status == "saved":
                print(f"llamaline: saved {result.url} as {result.path}", file=sys.stderr)
            elif result.status == "exists":
                print(f"llamaline: already in the corpus: {result.url} ({result.path})", file=sys.stderr)
            else:
                print(f"llamaline: error: {result.url}: {result.reason}", file=sys.stderr)
        if any(not r.ok for r in results):
            raise typer.Exit(ExitStatus.ERROR)


def _read_stdin() -> str:
    """Standard input decoded as a file is (UTF-8, a BOM, Windows-1252 with a warning)."""
    from .text.corpus import decode_bytes

    if sys.stdin is None or sys.stdin.isatty():
        raise LlamalineError("no text: pass a FILE, or pipe text and use - for standard input")
    if hasattr(sys.stdin, "buffer"):
        raw = sys.stdin.buffer.read()
    else:
        raw = sys.stdin.read().encode("utf-8", "surrogateescape")
    decoded = decode_bytes(raw)
    if decoded.text is None:
        raise LlamalineError(f"cannot tag standard input: {decoded.reason}")
    if decoded.warning:
        print(f"llamaline: warning: standard input: {decoded.warning}", file=sys.stderr)
    return decoded.text


cache_app = typer.Typer(help="The result cache: timelines of corpora already read (bounded in size and age).",
                        no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is, how many timelines it holds and their size."""
    with _failures():
        from .cache import cache_info as info

        found = info()
        if not found["enabled"]:
            _emit("cache: off (LLAMALINE_NO_CACHE is set)\n")
            return
        _emit(f"cache: {found['folder']}\n{found['entries']} timeline(s), {_size(found['bytes'])} "
              f"of at most {_size(found['max_bytes'])}\n")


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cached timeline."""
    with _failures():
        from .cache import clear_cache

        count, size = clear_cache()
        print(f"llamaline: removed {count} cached timeline(s), {_size(size)}", file=sys.stderr)


def _size(n: object) -> str:
    return f"{int(n) / 1024 / 1024:.1f} MB"  # type: ignore[call-overload]


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"llamaline {version('llamaline')}")
        except PackageNotFoundError:
            print("llamaline (not installed)")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Show the version and exit.",
    ),
    quiet: bool = typer.Option(
        False,
        "--quiet",
        "-q",
        help="Errors only on stderr: no skipped files, warnings or progress.",
    ),
    verbose: bool = typer.Option(
        False,
        "--verbose",
        "-v",
        help="Also say on stderr what was read and what took how long.",
    ),
) -> None:
    """Turn a folder of news articles into a reconciled, cited timeline."""
    _Verbosity.level = 0 if quiet else 2 if verbose else 1


def main() -> None:
    app()
