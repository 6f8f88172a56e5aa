"""The time words of one language: surface forms -> keys, and regex alternations built from them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..lang import load


# How many distinct surfaces per section `Lexicon.key` remembers (a bound for odd texts).
_KNOWN_SURFACES = 4096


def normalize(surface: str) -> str:
    """The lookup form of a matched surface: lower case, single spaces."""
    return " ".join(surface.lower().split())


class Lexicon:
    """Reads `lang/<code>/time.toml`; every engine question about words goes through here."""

    def __init__(self, language: str, data: dict[str, Any]):
        self.language = language
        self.data = data
        self.case_sensitive = frozenset(data.get("case_sensitive", []))
        self.needs_context = frozenset(normalize(w) for w in data.get("needs_context", []))
        self.format = data.get("format", {})
        # Matched surface -> key, per section: the same few words come up in every text.
        self._keys: dict[str, dict[str, str | None]] = {}
        self._sets: dict[tuple[str, str], frozenset[str]] = {}

    # -- reading the tables ------------------------------------------------------------------

    def forms(self, section: str, *keys: str) -> list[str]:
        """The surface forms under `section` (a table of lists), for `keys` or all of them."""
        table = self.data.get(section, {})
        if isinstance(table, list):
            return list(table)
        chosen = keys or tuple(table)
        out: list[str] = []
        for key in chosen:
            value = table.get(key, [])
            if isinstance(value, list):
                out.extend(value)
        return out

    @cache  # noqa: B019 - one Lexicon per language, kept for the life of the process (see `lexicon`)
    def index(self, section: str) -> dict[str, str]:
        """normalized surface -> key for a table of lists."""
        table = self.data.get(section, {})
        out: dict[str, str] = {}
        for key, value in table.items():
            if isinstance(value, list):
                for form in value:
                    out.setdefault(normalize(form), key)
        return out

    def key(self, section: str, surface: str | None) -> str | None:
        if surface is None:
            return None
        known = self._keys.get(section)
        if known is None:
            known = self._keys[section] = {}
        try:
            return known[surface]
        except KeyError:
            found = self.index(section).get(normalize(surface))
            if len(known) < _KNOWN_SURFACES:
                known[surface] = found
            return found

    def has(self, section: str, key: str, surface: str | None) -> bool:
        if surface is None:
            return False
        forms = self._sets.get((section, key))
        if forms is None:
            forms = self._sets[section, key] = frozenset(normalize(f) for f in self.forms(section, key))
        return normalize(surface) in forms

    # -- regular expressions -----------------------------------------------------------------

    def alt(self, *specs: str | tuple[str, ...], boundary: bool = True) -> str:
        """A non-capturing alternation of the forms of `specs` ("section" or ("section", key, ...)),
        longest first, each ending at a word boundary when it ends in a word character."""
        return alternation(self._chosen(specs), self.case_sensitive, boundary)

    def prefixes(self, *specs: str | tuple[str, ...], depth: int = 5) -> str:
        """`alt(*specs)` with each form cut to its first `depth` letters (shorter ones whole): a
        smaller pattern that matches wherever `alt` does, for a filter that must let all through."""
        branches = alternation_branches(self._chosen(specs), self.case_sensitive, True, depth)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def branches(self, *specs: str | tuple[str, ...], boundary: bool = True) -> list[str]:
        """The top-level branches of `alt(*specs)`."""
        return alternation_branches(self._chosen(specs), self.case_sensitive, boundary)

    def branches_then_glued(self, *specs: str | tuple[str, ...], glued: tuple[str | tuple[str, ...], ...],
                            paired: bool = False) -> list[str]:
        """`branches(*specs) + branches(*glued, boundary=False)`, as one trie where that finds the same
        first match at the end of a pattern (see `merged_branches`): a word rejected once, not twice."""
        return merged_branches(self._chosen(specs), self._chosen(glued), self.case_sensitive, paired)

    def heads(self, *specs: str | tuple[str, ...], boundary: bool = True) -> str:
        """What `alt` can match as its first character: a small stand-in for it (see `first_letters`)."""
        return first_letters(self._chosen(specs), self.case_sensitive)

    def _chosen(self, specs: tuple[str | tuple[str, ...], ...]) -> set[str]:
        forms: set[str] = set()
        for spec in specs:
            if isinstance(spec, frozenset):  # forms given as they are (see `one_word`)
                forms.update(spec)
            elif isinstance(spec, tuple):
                forms.update(self.forms(spec[0], *spec[1:]))
            else:
                forms.update(self.forms(spec))
        return forms

    def one_word(self, section: str) -> frozenset[str]:
        """The forms of `section` that are a single word ("bald", not "in Zukunft")."""
        return frozenset(w for w in self.forms(section) if " " not in w)

    def __hash__(self) -> int:  # for functools.cache on methods
        return hash(self.language)


def alternation(
    forms: set[str] | list[str], case_sensitive: frozenset[str] = frozenset(), boundary: bool = True
) -> str:
    """A regex matching any of `forms`, longest first, ignoring case except for `case_sensitive`.

    Built as a trie whose branches start with a character class, so the regex engine rejects a
    position after one test per branch: the scanner stays fast without re.IGNORECASE.
    """
    branches = alternation_branches(forms, case_sensitive, boundary)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def alternation_branches(forms: set[str] | list[str], case_sensitive: frozenset[str] = frozenset(),
                         boundary: bool = True, depth: int | None = None, glued: frozenset[str] = frozenset(),
                         paired: bool = False) -> list[str]:
    """The top-level branches of `alternation(forms)`, in order: to be joined with other branches.
    With `depth`, of the alternation of the forms cut to that many letters (see `Lexicon.prefixes`);
    forms in `glued` end without a boundary (see `merged_branches`); `paired`: see `_paired`."""
    trie: dict = {}
    for form in set(forms) | glued:
        if not form:
            continue
        node = trie
        atoms = _atoms(form, form in case_sensitive)
        for atom in atoms[:depth]:
            node = node.setdefault(atom, {})
        # After a letter or digit, \b is (?!\w): the same test, cheaper to compile and to run.
        if depth is not None and len(atoms) > depth:
            node[""] = ""  # a cut form may go on with any letter: no boundary, whatever shorter forms end here
        elif node.get("") != "":
            node[""] = r"\b" if boundary and form[-1].isalnum() and form not in glued else ""
    if not trie:
        return ["(?!)"]  # the language has no such words
    return _paired(trie) if paired else _branches(trie)


def merged_branches(bounded: set[str], glued: set[str], case_sensitive: frozenset[str] = frozenset(),
                    paired: bool = False) -> list[str]:
    """The branches of `bounded` forms (with word boundaries) and then of `glued` ones (without), in
    one trie when that finds the same first match in a pattern that ends with it.

    A trie tries longer forms first; the only new result of merging would be a glued form found before a
    bounded one that matches the same text. Along one path the bounded one then ends inside the glued
    one: for glued forms of letters and digits only, its boundary cannot hold there. So one trie serves
    unless a bounded form on another path (a case-sensitive spelling) can match where a glued form does,
    or a blank one matches the empty string (the trie would try the glued forms first). `paired`: see `_paired`.
    """
    def clash(f: str, g: str) -> bool:  # some text starts with both, and they take different trie paths
        exact_f, exact_g = f in case_sensitive, g in case_sensitive
        spelled = " ".join(g.split())  # as `_atoms` reads it
        cf, cg = (_cases(ch, exact_f) for ch in f), (_cases(ch, exact_g) for ch in spelled)
        return len(spelled) > len(f) and all(a & b for a, b in zip(cf, cg)) \
            and _atoms(g, exact_g)[:len(f)] != _atoms(f, exact_f)

    # Forms spelled without case-sensitive letters take one path for one text: only those can clash.
    exact = [g for g in bounded if g in case_sensitive]
    # A bounded form with blanks at its ends ("b ") takes other trie paths than its words alone: kept apart too.
    if all(f.isalnum() for f in glued) and all(g.split() and g == g.strip() for g in bounded if g) \
            and not any(clash(f, g) for f in glued for g in (bounded if f in case_sensitive else exact) if g != f):
        return alternation_branches(bounded, case_sensitive, glued=frozenset(glued), paired=paired)
    return alternation_branches(bounded, case_sensitive, paired=paired) \
        + alternation_branches(glued, case_sensitive, boundary=False, paired=paired)


def first_letters(forms: set[str] | list[str], case_sensitive: frozenset[str] = frozenset()) -> str:
    """A regex with the first characters that `alternation(forms)` can match, and empty if it can
    match nothing: for working out what a grammar starts with without parsing the whole of it."""
    heads: set[str] = set()
    nullable = False
    for form in set(forms):
        if not form:
            continue
        words = form.split()
        if words:
            heads.add(_char(words[0][0], form in case_sensitive))
        else:
            nullable = True  # all blanks: the alternation matches the empty string
    if not heads and not nullable:
        return "(?!)"
    return "(?:" + "|".join(sorted(heads) + ([""] if nullable else [])) + ")"


def _atoms(form: str, exact: bool) -> list[str]:
    atoms = []
    for word_index, word in enumerate(form.split()):
        if word_index:
            atoms.append(r"\s+")
        for ch in word:
            atoms.append(_char(ch, exact))
    return atoms


@cache  # a few dozen letters, each asked for thousands of times while the patterns are built
def _char(ch: str, exact: bool) -> str:
    cases = _cases(ch, exact)
    return re.escape(ch) if len(cases) == 1 else f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]"


@cache
def _cases(ch: str, exact: bool) -> frozenset[str]:
    """The characters `_char(ch, exact)` matches."""
    low, up = ch.lower(), ch.upper()
    if exact or low == up or len(low) != 1 or len(up) != 1:
        return frozenset(ch)
    return frozenset((low, up))


def _branches(node: dict) -> list[str]:
    branches = [atom + _emit(child) for atom, child in sorted((k, v) for k, v in node.items() if k != "")]
    if "" in node:
        branches.append(node[""])  # shorter form last: longest match first
    return branches


def _paired(node: dict) -> list[str]:
    """`_branches(node)` with its first characters two by two: `[aAdD](?:[kK](?<=[aA].)...|[eE](?<=[dD].)...)`,
    the same matches in the same order. Where neither starts, one test rejects both; where one does, the
    regex engine tests the next character (a branch each) before it looks back at the first."""
    heads = sorted((k, v) for k, v in node.items() if k != "")
    out = []
    for pair in (heads[i:i + 2] for i in range(0, len(heads), 2)):
        if len(pair) == 1:
            out.append(pair[0][0] + _emit(pair[0][1]))
            continue
        alts = []
        for atom, child in pair:
            for nxt, sub in sorted((k, v) for k, v in child.items() if k != ""):
                # The first character is one back after a character; before a run of spaces, look back first.
                alts.append(f"(?<={atom}){nxt}{_emit(sub)}" if nxt == r"\s+" else f"{nxt}(?<={atom}.){_emit(sub)}")
            if "" in child:
                alts.append(f"(?<={atom}){child['']}")
        chars = "".join(atom[1:-1] if atom.startswith("[") else atom for atom, _ in pair)
        out.append(f"[{chars}](?:{'|'.join(alts)})")
    if "" in node:
        out.append(node[""])
    return out


def _emit(node: dict) -> str:
    branches = _branches(node)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@cache
def lexicon(language: str) -> Lexicon:
    return Lexicon(language, load(language, "time"))
