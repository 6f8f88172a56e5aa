"""Boilerplate regions of a page (navigation, teasers, ads, footers, hashtags, reference lists), marked, not deleted.

Found by general signals, whole lines at a time: headings and labels listed in the language data (all
languages at once, since pages mix them), short link-like or call-to-action lines, lines of hashtags, and
short lines that several files of one outlet share. A reference list becomes the source's `references`.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from itertools import accumulate
from typing import NamedTuple
from urllib.parse import urlsplit

from ..models import Reference, TimeSpan
from ..temporal import timespan
from .corpus import Document
from .cues import boilerplate_cues

SHORT_WORDS = 12  # a navigation line or heading is at most this many words
TEASER_LINE = 300  # a teaser box ends at the first line at least this long (prose again)
PROSE_WORDS = 8  # ... or at a dated sentence of at least this many words
FOOTER_FROM = 0.6  # a footer starts in the last 40% of a page

_DOMAIN = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:de|com|org|net|io|ai|co|uk|at|ch|fr|eu|info|news)\b", re.IGNORECASE
)
_LOCALE = re.compile(r"^[a-z]{2}_[A-Z]{2}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•●▪◦‣]|\d{1,3}[.)])\s+")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((\S+?)\)")
_BARE_URL = re.compile(r"https?://[^\s)\]>\"']+")
# every character `str.isspace` (and the regex `\s`) accepts; tests/test_boilerplate.py checks the list
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
          "\u200a\u2028\u2029\u202f\u205f\u3000")
_LEADING, _TRAILING = "#>*_" + SPACES, "#*_:" + SPACES  # decoration around a heading: "## Anzeige", "**Sources:**"


class Region(NamedTuple):
    start: int
    end: int
    label: str


class _Line(NamedTuple):
    start: int
    end: int
    text: str  # stripped


def find_boilerplate(documents: Sequence[Document]) -> dict[str, list[Region]]:
    """Boilerplate regions of each document, keyed by source id, sorted by offset."""
    shared = _shared_lines(documents)
    return {doc.source.id: _regions(doc, shared.get(doc.source.id, frozenset())) for doc in documents}


def in_regions(start: int, end: int, regions: Sequence[Region]) -> bool:
    """Whether the span [start, end) overlaps any region."""
    return any(r.start < end and start < r.end for r in regions)


def overlap_test(regions: Sequence[Region]) -> Callable[[int, int], bool]:
    """`in_regions` for many spans against the same regions: a look-up by bisection, not a scan of them all."""
    ordered = sorted((r[0], r[1]) for r in regions)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end among the regions starting so far

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the regions that start before the span ends
        return k > 0 and reach[k - 1] > start

    return overlaps


def _lines(doc: Document) -> list[_Line]:
    text = doc.text
    lines: list[_Line] = []
    pos = doc.body_start
    while pos <= len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        raw = text[pos:stop]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _outlet(doc: Document) -> str | None:
    if doc.source.outlet:
        return doc.source.outlet.casefold()
    if doc.source.url:
        host = urlsplit(doc.source.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def _shared_lines(documents: Sequence[Document]) -> dict[str, frozenset[str]]:
    """Short lines that appear in at least two files of one outlet: its templates, not its articles."""
    by_outlet: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        outlet = _outlet(doc)
        if outlet:
            by_outlet[outlet].append(doc)
    shared: dict[str, frozenset[str]] = {}
    for docs in by_outlet.values():
        if len(docs) < 2:
            continue
        seen: dict[str, set[str]] = defaultdict(set)
        for doc in docs:
            for line in _lines(doc):
                if 3 <= len(line.text) <= 200:
                    seen[line.text].add(doc.source.id)
        common = frozenset(text for text, ids in seen.items() if len(ids) >= 2)
        for doc in docs:
            shared[doc.source.id] = common
    return shared


def _words(text: str) -> int:
    return len(text.split())


def _heading_text(text: str) -> str:
    return text.lstrip(_LEADING).rstrip(_TRAILING).casefold()


@cache
def _cue_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    """The boilerplate cues case-folded, once: ads, related, references, navigation, and the footer phrases
    as one pattern."""
    cues = boilerplate_cues()

    def folded(key: str) -> tuple[str, ...]:
        return tuple(c.casefold() for c in cues.get(key, ()))

    return (frozenset(folded("ads")), frozenset(folded("related")), frozenset(folded("references")),
            frozenset(folded("navigation")), _phrases(folded("footer")))


def _regions(doc: Document, shared: frozenset[str]) -> list[Region]:
    ads, related, references, navigation, footer = _cue_sets()
    lines = _lines(doc)
    body_end = max(len(doc.text), doc.body_start + 1)
    regions: list[Region] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _heading_text(line.text)
        short = _words(line.text) <= SHORT_WORDS
        label = None
        if heading in ads:
            label = "ad"
        elif _is_hashtags(line.text):
            label = "hashtags"
        elif line.text in shared:
            label = "navigation"
        elif heading in related and short:
            j = i + 1
            while (j < len(lines) and len(lines[j].text) < TEASER_LINE
                   and not _is_dated_prose(lines[j].text, doc.language)):
                j += 1
            regions.append(Region(line.start, lines[j - 1].end, "teaser"))
            i = j
            continue
        elif heading in references and short:
            j = i + 1
            while j < len(lines) and _is_reference_line(lines[j].text):
                j += 1
            regions.append(Region(line.start, lines[j - 1].end, "references"))
            i = j
            continue
        elif short and (_DOMAIN.search(line.text) or _LOCALE.match(line.text)):
            label = "navigation"  # a short line naming a site or a locale: a link, a logo, a language switch
        elif short and line.text[-1] not in ".!?" and _is_navigation(line.text, heading, navigation):
            label = "navigation"
        elif (short and line.text[-1] not in ".!?"
              and (line.start - doc.body_start) >= FOOTER_FROM * (body_end - doc.body_start)
              and footer.search(heading) is not None):
            regions.append(Region(line.start, lines[-1].end, "footer"))
            break
        if label:
            regions.append(Region(line.start, line.end, label))
        i += 1
    return _merge(regions)


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that finds any of the phrases as whole words; `word*` takes up to five more letters."""
    alternatives = [re.escape(p.rstrip("*")) + (r"\w{0,5}" if p.endswith("*") else "") for p in phrases]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)" if alternatives else r"(?!)")


def _is_hashtags(text: str) -> bool:
    if "#" not in text:
        return False
    words = text.replace(",", " ").split()
    tags = sum(1 for w in words if w.startswith("#") and len(w) > 1 and w[1] != "#")
    return tags >= 2 and tags * 2 >= len(words)


def _is_navigation(text: str, heading: str, navigation: frozenset[str]) -> bool:
    letters = "".join(filter(str.isalpha, text))
    if len(text.split()) >= 2 and letters and all(map(str.isupper, letters)):
        return True  # "HOT CATEGORIES"
    # the heading is a cue, or starts with a cue and a space
    if heading in navigation:
        return True
    space = heading.find(" ")
    while space >= 0:
        if heading[:space] in navigation:
            return True
        space = heading.find(" ", space + 1)
    return False


def _is_dated_prose(text: str, language: str) -> bool:
    """A line of the article, not a teaser: whole sentences (a headline has no full stop) of some length that
    say when something happened. A teaser box ("Mehr zum Thema") must not swallow the short paragraphs of
    the article that follow it."""
    unquoted = text.rstrip("\"'»«“”’)")
    if _words(text) < PROSE_WORDS or unquoted.endswith(("...", "…")) or unquoted[-1:] not in ".!?":
        return False
    from ..temporal import tag

    return any(e.kind in ("date", "range") for e in tag(text, None, language))


def _is_reference_line(text: str) -> bool:
    return bool(_LIST_ITEM.match(text) or _MD_LINK.search(text) or _BARE_URL.search(text))


def _merge(regions: list[Region]) -> list[Region]:
    merged: list[Region] = []
    for region in sorted(regions):
        if merged and region.start <= merged[-1].end and region.label == merged[-1].label:
            merged[-1] = Region(merged[-1].start, max(merged[-1].end, region.end), region.label)
        else:
            merged.append(region)
    return merged


# -- references ------------------------------------------------------------------------------------------------
def find_references(document: Document, regions: list[Region]) -> list[Reference]:
    """The citations of a document's reference lists: Markdown links and bare URLs, dated where the URL is."""
    references: list[Reference] = []
    seen: set[str] = set()
    for region in regions:
        if region.label != "references":
            continue
        chunk = document.text[region.start : region.end]
        linked: list[tuple[int, int]] = []
        found: list[tuple[int, str | None, str]] = []
        for m in _MD_LINK.finditer(chunk):
            linked.append((m.start(), m.end()))
            found.append((m.start(), m.group(1).strip(), m.group(2)))
        for m in _BARE_URL.finditer(chunk):
            if not any(a <= m.start() < b for a, b in linked):
                found.append((m.start(), None, m.group().rstrip(".,;")))
        for _, title, url in sorted(found, key=lambda f: f[0]):
            if url in seen:
                continue
            seen.add(url)
            references.append(Reference(title=title, url=url, published=date_from_url(url)))
    return references


_URL_DATES = (
    (re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"), "day"),
    (re.compile(r"(?<![\d])((?:19|20)\d\d)[-_](\d{2})[-_](\d{2})(?![\d])"), "day"),
    (re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?=/|$)"), "month"),
    (re.compile(r"[-_/]((?:19|20)\d\d)[-_](\d{1,2})(?=$|[/._?#])"), "month"),
    (re.compile(r"[-_/]((?:19|20)\d\d)(?=$|[/._?#-])"), "year"),
)


def date_from_url(url: str) -> TimeSpan | None:
    """A date the URL's path carries, at the precision written: `/2025/04/10/`, `-2025-05-15`, `-2025-5`, `-2025`."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for pattern, precision in _URL_DATES:
        m = pattern.search(path)
        if not m:
            continue
        numbers = [int(g) for g in m.groups()]
        try:
            if precision == "day":
                return timespan.day(*numbers)
            if precision == "month":
                return timespan.month(*numbers)
            return timespan.year(numbers[0])
        except ValueError:
            continue
    return None
