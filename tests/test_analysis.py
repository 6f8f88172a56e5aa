"""The one analysis per document that mention and claim extraction both read."""

from __future__ import annotations

import pickle
from pathlib import Path

from llamaline.claimtracks import claims_of, extract_claims
from llamaline.events.mentions import extract_mentions, mentions_of
from llamaline.text.analysis import analyse, expressions_of
from llamaline.text.boilerplate import find_boilerplate
from llamaline.text.corpus import read_corpus
from llamaline.text.names import Gazetteer

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def _bundled():
    corpus = read_corpus(CORPUS)
    return corpus.documents, find_boilerplate(corpus.documents), Gazetteer.load(CORPUS)


def test_sentences_lie_outside_boilerplate_in_text_order_with_their_own_parts() -> None:
    documents, regions, gazetteer = _bundled()
    for doc in documents:
        doc_regions = regions.get(doc.source.id, [])
        analysis = analyse(doc, doc_regions, gazetteer)
        numbers = [s.number for s in analysis.sentences]
        assert numbers == sorted(set(numbers))
        for s in analysis.sentences:
            assert doc.body_start <= s.start < s.end <= len(doc.text)
            assert not any(a < s.end and s.start < b for a, b, _ in doc_regions)
            assert all(s.start <= x.start and x.end <= s.end for x in s.expressions)
            assert all(s.start <= h.start and h.end <= s.end for h in s.cues)
            assert all(s.start <= b < s.end for b in s.clause_breaks)
            assert all(s.start <= t[0] < s.end for t in analysis.tokens[s.first:s.last])


def test_the_analysis_is_a_pure_function_of_document_regions_and_gazetteer() -> None:
    """Built twice, or in another process (pickled), it gives the same mentions and claims."""
    documents, regions, gazetteer = _bundled()
    for doc in documents[:6]:
        doc_regions = regions.get(doc.source.id, [])
        once, again = analyse(doc, doc_regions, gazetteer), analyse(doc, doc_regions, pickle.loads(pickle.dumps(gazetteer)))
        assert once.sentences == again.sentences
        assert mentions_of(once) == mentions_of(again)
        assert claims_of(once) == claims_of(again)


def test_the_convenience_extractors_read_the_same_analysis() -> None:
    documents, regions, gazetteer = _bundled()
    for doc in documents[:6]:
        doc_regions = regions.get(doc.source.id, [])
        expressions = expressions_of(doc, doc_regions)
        analysis = analyse(doc, doc_regions, gazetteer, expressions)
        assert extract_mentions(doc, expressions, gazetteer, doc_regions) == mentions_of(analysis)
        assert extract_claims(doc, expressions, gazetteer, doc_regions) == claims_of(analysis)
