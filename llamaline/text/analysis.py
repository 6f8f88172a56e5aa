"""One reading of a document that mention and claim extraction both work from.

A `DocumentAnalysis` holds what every later step asks about a document: its words, its sentences outside
boilerplate (each a `Sentence` with its span, tokens, clause breaks, time expressions and cue hits), and the names
in a sentence (looked up on demand: most sentences never need them). It is built once per document by `analyse`,
a pure function of the document, its boilerplate regions and the gazetteer, so it maps over processes.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..models import TimeExpression
from ..temporal import tag
from .boilerplate import Region, overlap_test
from .corpus import Document
from .cues import (
    CueHit,
    DocumentWords,
    LanguageCues,
    Token,
    cues_for,
    document_words,
    language_or_default,
    lowers_by_word,
    mark_positions,
    tokenize,
)
from .names import DocumentNames, EntityHit, Gazetteer
from .sentences import split_sentences

# a clause break: a punctuation mark, or " - " / " ... " between spaces (found from the dash or the dots)
_CLAUSE_MARKS = tuple(",;:()[]–—")
_SPACED_MARKS = ("-", "...")  # clause breaks where white space comes before and after


class Sentence(NamedTuple):
    number: int  # its place among all the document's sentences, those in boilerplate included
    start: int
    end: int
    first: int  # its tokens are analysis.tokens[first:last]
    last: int
    clause_breaks: list[int]  # where its clauses break, sorted
    expressions: list[TimeExpression]  # the time expressions inside it, by start
    cues: list[CueHit]  # the language's cue hits (triggers, modality, attribution, clause), in text order


@dataclass(frozen=True)
class DocumentAnalysis:
    document: Document
    cues: LanguageCues
    regions: list[Region]  # boilerplate: no sentence comes from there
    expressions: list[TimeExpression]  # of the body outside boilerplate, as the tagger found them
    words: DocumentWords  # the words of the whole text, as written
    by_word: bool  # whether the text lower-cases word by word, so that `words` are the tokens of every sentence
    tokens: list[Token]  # what the cue patterns match on (`words.tokens`, or lower-cased tokens of the body)
    written: Sequence[str]  # the word of each token as the text writes it
    sentences: list[Sentence]  # outside boilerplate, in text order
    names_in_text: DocumentNames

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def gazetteer(self) -> Gazetteer:
        return self.names_in_text.gazetteer

    @property
    def language(self) -> str:
        return self.cues.language

    def names(self, sentence: Sentence, marked: bool = True) -> list[EntityHit]:
        """Known names in the sentence, and (unless `marked` is False) the names the text marks there."""
        return self.names_in_text.find(sentence.start, sentence.end, self.language, marked=marked)


def analyse(document: Document, regions: list[Region], gazetteer: Gazetteer,
            expressions: list[TimeExpression] | None = None) -> DocumentAnalysis:
    """The analysis of one document; `expressions`, if given, stand for the tagger's (tests hand them in)."""
    if expressions is None:
        expressions = expressions_of(document, regions)
    cues = cues_for(language_or_default(document.language))
    text = document.text
    words = document_words(text)
    by_word = lowers_by_word(text)
    if by_word:  # the words as written; cues look them up case-insensitively
        tokens, written, starts = words.tokens, words.words, words.starts
        token_ids = cues.patterns.word_ids(written)
    else:
        tokens = tokenize(text, document.body_start)  # lower-cased with the text around each word
        written = [text[s:e] for s, e, _ in tokens]
        starts = [t[0] for t in tokens]
        token_ids = cues.patterns.token_ids(tokens)
    sentences = _sentences(document, regions, cues, expressions, tokens, starts, token_ids)
    return DocumentAnalysis(document, cues, regions, expressions, words, by_word, tokens, written, sentences,
                            gazetteer.names_in(text, words))


def _sentences(document: Document, regions: list[Region], cues: LanguageCues, expressions: list[TimeExpression],
               tokens: list[Token], starts: list[int], token_ids: Sequence[frozenset[int]]) -> list[Sentence]:
    """The sentences outside boilerplate; `starts`: where each of the tokens starts."""
    text = document.text
    usable = sorted((x for x in expressions if x.start >= document.body_start), key=lambda x: x.start)
    expression_starts = [x.start for x in usable]
    break_starts, spaced_ends = _clause_breaks(text, document.body_start)
    in_boilerplate = overlap_test(regions)
    sentences = []
    for number, (start, end) in enumerate(split_sentences(text, document.body_start, len(text), cues.language)):
        if in_boilerplate(start, end):
            continue
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        lo, hi = bisect.bisect_left(expression_starts, start), bisect.bisect_left(expression_starts, end)
        inside = [x for x in usable[lo:hi] if x.end <= end] if lo < hi else []
        breaks = break_starts[bisect.bisect_left(break_starts, start) : bisect.bisect_left(break_starts, end)]
        if breaks and spaced_ends.get(breaks[-1], 0) > end:
            breaks.pop()  # a " - " that the sentence's end cuts (only the last break can reach past it)
        hits = cues.patterns.find(text, tokens, first, last, token_ids)
        sentences.append(Sentence(number, start, end, first, last, breaks, inside, hits))
    return sentences


def _clause_breaks(text: str, start: int) -> tuple[list[int], dict[int, int]]:
    """Where clauses break in text[start:], sorted, and the end of each spaced break (" - ", " ... ") by its start.
    Spaced breaks do not overlap: " - - " is one. A colon between digits ("1:4", "20:45") is no break."""
    marks = mark_positions(text, _CLAUSE_MARKS, start)
    if ":" in text:
        marks = [
            p for p in marks
            if not (text[p] == ":" and text[p - 1 : p].isdigit() and text[p + 1 : p + 2].isdigit())
        ]
    spaced: dict[int, int] = {}
    reach = start
    for pos in mark_positions(text, _SPACED_MARKS, start):  # a dash or three dots with white space either side
        after = pos + (1 if text[pos] == "-" else 3)
        if pos - 1 >= reach and text[pos - 1].isspace() and after < len(text) and text[after].isspace():
            spaced[pos - 1] = reach = after + 1
    if spaced:
        marks = sorted(marks + list(spaced))
    return marks, spaced


def expressions_of(document: Document, regions: list[Region]) -> list[TimeExpression]:
    """The time expressions of a document's body outside its boilerplate (no mention or claim comes from there):
    each stretch between regions is tagged on its own, so a date in a menu or a reference list neither costs a
    scan nor runs on into the article's text."""
    text, published, language = document.text, document.source.published, document.language
    if not regions:
        return tag(text, published, language, start=document.body_start)
    expressions: list[TimeExpression] = []
    pos = document.body_start
    for start, end, _ in sorted(regions):
        if start > pos:
            expressions += tag(text, published, language, start=pos, end=start)
        pos = max(pos, end)
    if pos < len(text):
        expressions += tag(text, published, language, start=pos)
    return expressions
