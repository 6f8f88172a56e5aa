"""Who an event is about: of the names of its sentence, those that are not its actor.

A sentence names more people and things than the one event of a trigger is about. Two rules take names away from a
trigger's subjects, each with its words in lang/<code>/events.toml:

- **A possessor is no actor.** A name in the genitive before a noun ([names] genitive_endings: "Anna Bergs
  Kommentare", "Anna Berg's comments") owns that noun; it is the actor only of the event the noun itself names
  ("Anna Bergs Rücktritt", "Smith's resignation"), not of another trigger of the sentence ("Anna Bergs Kommentare
  kamen vor dem Rücktritt des Trainers": she did not resign).
- **A pronoun that opens what a saying says refers to the sentence's subject** ([names] subject_pronouns after a
  complement word or a saying: "Müller ging ins Büro seines Chefs Peter Hahn und sagte ihm, dass er geht", "Smith
  told his boss Peter Hahn that he would leave"): the event told there is about that subject, the first name before
  it that is neither the object of a preposition or a possessive ([names] object_of) nor a possessor, and about the
  names of its own clause; not about the other names before it (the boss who was told).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from .. import lang
from ..text.cues import CueHit
from ..text.names import EntityHit, Gazetteer

POSSESSED_WORDS = 3  # words from a possessor to the trigger that its noun phrase may hold ("Acmes größte Konferenz")
OBJECT_GAP_WORDS = 1  # words between an object word and the name it governs ("seines Chefs Peter Hahn")
_CLAUSE_MARKS = frozenset(",;:()[]–—\"„“”«»")
_QUOTES = "\"'„“”«»‚‘’"


@cache
def genitive_endings(language: str) -> tuple[str, ...]:
    """The endings a name takes in the genitive, longest first."""
    endings = _words(language).get("genitive_endings", ())
    return tuple(sorted(endings, key=len, reverse=True))


@cache
def _word_set(language: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _words(language).get(key, ()))


def _words(language: str) -> dict:
    return lang.load(language, "events").get("names", {})


def possessive_end(text: str, hit: EntityHit, endings: Sequence[str], gazetteer: Gazetteer) -> int:
    """Where the genitive of a possessor ends, or -1 when the name is no possessor: a name written with a genitive
    ending it does not have itself (found with it, "Acmes", or right after it, "Anna Berg's"), before a word."""
    written = text[hit.start : hit.end]
    end = -1
    tail = next((e for e in endings if text.startswith(e, hit.end)), None)
    if tail is not None and not (tail in _QUOTES and text[hit.start - 1 : hit.start] in _QUOTES):
        end = hit.end + len(tail)  # "Anna Berg's": the ending stands after the name found ('Nova' in quotes: none)
    elif written != hit.name and written.endswith(tuple(endings)) and not hit.name.endswith(tuple(endings)) and (
            not gazetteer.is_surface(written)):  # "Acmes", "Bergs"; not "Acme Labs", a name of its own
        end = hit.end
    if end < 0:
        return -1
    return end if text[end : end + 1] == " " and text[end + 1 : end + 2].isalnum() else -1


def possessor_of(text: str, possessive: int, start: int) -> bool:
    """Whether the noun phrase a possessor owns (from `possessive`, the end of its genitive) reaches `start`."""
    between = text[possessive:start]
    return start >= possessive and not (_CLAUSE_MARKS & set(between)) and len(between.split()) <= POSSESSED_WORDS


def possessive_ends(text: str, entities: Sequence[EntityHit], language: str, gazetteer: Gazetteer) -> dict[int, int]:
    """Start of each possessor among a sentence's names -> where its genitive ends (`possessive_end`)."""
    endings = genitive_endings(language)
    marks = _ending_marks(language)
    ends = {e.start: possessive_end(text, e, endings, gazetteer) for e in entities
            if text[e.end - 1 : e.end] in marks or text[e.end : e.end + 1] in marks}  # most names have no ending
    return {start: end for start, end in ends.items() if end >= 0}


@cache
def _ending_marks(language: str) -> frozenset[str]:
    """The first and last characters of the genitive endings: a name without one before or after has none."""
    return frozenset(c for e in genitive_endings(language) for c in (e[0], e[-1]))


def not_actors(text: str, entities: Sequence[EntityHit], possessives: dict[int, int], trigger_start: int,
               trigger_clause: int, hits: dict, clause_of: Callable[[int], int], language: str,
               words: Sequence[str]) -> set[str]:
    """The names of the sentence (`entities`; `possessives`: their `possessive_ends`) that are not the actor of the
    trigger at `trigger_start`: each of their mentions is a possessor of another noun, or an object before a pronoun
    that opens what is said. `words`: the text's words by token (what cue hits count in)."""
    away = [e for e in entities if e.start in possessives and not possessor_of(text, possessives[e.start],
                                                                                trigger_start)]
    opener = _opening_pronoun(trigger_start, trigger_clause, hits, clause_of, words, language)
    if opener is not None:
        before = [e for e in entities if e.end <= opener.start]
        objects = _word_set(language, "object_of")
        subject = next((e for e in before if e.start not in possessives and not _object(text, e, objects)), None)
        away += [e for e in before if subject is None or e.name != subject.name]
    if not away:
        return set()
    kept = {e.name for e in entities if e not in away}
    return {e.name for e in away} - kept


def _opening_pronoun(trigger_start: int, trigger_clause: int, hits: dict, clause_of: Callable[[int], int],
                     words: Sequence[str], language: str) -> CueHit | None:
    """The complement word or saying that a subject pronoun of the trigger's clause follows ("dass er geht",
    "said he would leave"), if the trigger comes after that pronoun."""
    pronouns = _word_set(language, "subject_pronouns")
    for o in (*hits.get(("clause", "complement"), ()), *hits.get(("triggers", "statement"), ())):
        after = o.last + 1
        if (o.end < trigger_start and after < len(words) and words[after].lower() in pronouns
                and clause_of(o.end) == trigger_clause):
            return o
    return None


def _object(text: str, entity: EntityHit, objects: frozenset[str]) -> bool:
    """Whether a preposition or possessive stands before the name, at most a word (a role) between."""
    before = text[max(0, entity.start - 40) : entity.start]
    cut = max(before.rfind(mark) for mark in _CLAUSE_MARKS)
    words = before[cut + 1 :].split()[-(OBJECT_GAP_WORDS + 1) :]
    return any(w.lower() in objects for w in words)
