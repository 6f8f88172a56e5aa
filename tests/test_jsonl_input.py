"""JSON Lines corpora (issue 15): one article per line; a bad line is skipped with file, line and reason."""

from __future__ import annotations

import json

import pytest

from llamaline.text.jsonl import UnreadableJsonl, read_jsonl


def lines(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()


def test_each_line_is_an_article_with_its_metadata():
    data = lines({"text": "Meta kündigt Llama 4 an.", "title": "Llama 4", "outlet": "Heise", "lang": "de",
                  "published": "2025-04", "section": "KI"},
                 {"text": "Second article.", "url": "https://example.org/b"})
    articles, skipped = read_jsonl(data, "feeds/news.jsonl")
    assert skipped == []
    assert [a.id for a in articles] == ["feeds/news#1", "feeds/news#2"]
    first = articles[0]
    assert first.text == "Meta kündigt Llama 4 an."
    assert first.metadata == {"title": "Llama 4", "outlet": "Heise", "language": "de", "published": "2025-04",
                              "section": "KI"}, "lang is language; unknown keys are kept"


def test_ids_follow_the_line_number_so_they_stay_put_when_other_lines_break():
    articles, skipped = read_jsonl(lines({"text": "A."}, "", "{broken", {"text": "B."}), "news.jsonl")
    assert [(a.id, a.text) for a in articles] == [("news#1", "A."), ("news#4", "B.")]
    assert [s.path for s in skipped] == ["news.jsonl:3"], "a blank line is not an article, a broken one is skipped"


@pytest.mark.parametrize("line, reason", [
    ('{"text": "A", ', "not valid JSON"),
    ('["text", "A"]', "expected an object like {\"text\": ...}, found an array"),
    ('{"title": "no text"}', 'no "text"'),
    ('{"text": 42}', '"text" must be a string, found a number'),
    ('{"text": "   "}', '"text" is empty'),
])
def test_a_bad_line_gives_its_file_line_and_reason(line, reason):
    articles, skipped = read_jsonl(lines({"text": "Fine."}, line), "news.jsonl")
    assert [a.text for a in articles] == ["Fine."]
    assert len(skipped) == 1 and skipped[0].path == "news.jsonl:2"
    assert reason in skipped[0].reason


def test_windows_line_ends_a_byte_order_mark_and_line_separators_in_text():
    data = "\ufeff".encode() + b'{"text": "A\\u2028B"}\r\n{"text": "C\xe2\x80\xa8D"}\r\n'
    articles, skipped = read_jsonl(data, "x.jsonl")
    assert skipped == []
    assert [a.text for a in articles] == ["A\u2028B", "C\u2028D"]


def test_a_file_that_is_not_utf8_is_refused_as_a_whole():
    with pytest.raises(UnreadableJsonl, match="not UTF-8"):
        read_jsonl('{"text": "Müller"}'.encode("cp1252"), "x.jsonl")
