"""The Dutch thesaurus of everyday paraphrases, grouped in themes (data/themas.txt).

A theme is a name people recognise ("geldzorgen") and the words and phrases people actually
use for it ("rood staan", "brieven stapelen zich op", "money worries"). Coordinators extend the
plain text file; nothing here needs changing for that.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import DATA_DIR, Lexicon, Term, analyse_text

DEFAULT_PATH = DATA_DIR / "themas.txt"
# Extra words allowed between the words of a phrase ("brieven die zich echt opstapelen").
_WINDOW_SLACK = 3
# A single-word phrase found only as part of a compound counts this much (voedselbank, postzegel).
COMPOUND_PART_STRENGTH = 0.5
# A narrower theme ("huur en verhuurder") counts this much for its broader one ("wonen").
PARENT_STRENGTH = 0.5
_PARENT_PREFIX = "hoort bij:"


class ThesaurusError(ValueError):
    """The themes file has a line we cannot read; the message names the line."""


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    stems: tuple[str, ...]  # stems of all words of the phrase, stop words included
    english: bool
    strength: float = 1.0  # how much a hit says: an everyday single word says less


def phrase_strength(text: str) -> float:
    """A phrase of several words is strong evidence; a single very common word is weak."""
    content = [t for t in analyse_text(text) if not t.stop]
    if len(content) != 1:
        return 1.0
    z = Lexicon.get().frequency(content[0].surface)
    if z >= 5.0:
        return 0.4
    if z >= 4.5:
        return 0.7
    return 1.0


@dataclass(slots=True)
class Theme:
    name: str
    phrases: list[Phrase] = field(default_factory=list)
    parent: str = ""  # a narrower theme also counts, more weakly, for its broader theme


@dataclass(frozen=True, slots=True)
class ThemeMatch:
    """A theme found in a text, with the positions of the words that made it match."""

    theme: str
    positions: tuple[int, ...]
    strength: float = 1.0
    inherited: bool = False  # counted for a broader theme through a narrower one
    via: str = ""  # the narrower theme it came through


class Thesaurus:
    def __init__(self, themes: Sequence[Theme]) -> None:
        self.themes = list(themes)
        self.names = [t.name for t in self.themes]
        # Anchor: the longest stem of a phrase; a text is only checked for the phrases whose
        # anchor it contains.
        # Each entry keeps the set of the phrase's stems, so a text that lacks one of them is
        # skipped with one set operation (the file has thousands of phrases).
        self._by_anchor: dict[str, list[tuple[str, Phrase, frozenset[str]]]] = defaultdict(list)
        for theme in self.themes:
            for phrase in theme.phrases:
                anchor = max(phrase.stems, key=len)
                self._by_anchor[anchor].append((theme.name, phrase, frozenset(phrase.stems)))
        self._parent = {t.name: t.parent for t in self.themes if t.parent}
        self._phrase_stems = frozenset(s for t in self.themes for p in t.phrases for s in p.stems)

    @property
    def vocabulary(self) -> set[str]:
        """Surface words of all phrases (for typo correction)."""
        found: set[str] = set()
        for theme in self.themes:
            for phrase in theme.phrases:
                found.update(t.surface for t in analyse_text(phrase.text) if not t.stop)
        return found

    def excluded_by(self, terms: Sequence[Term]) -> set[str]:
        """Themes a limits text rules out: the ones it names, with their narrower themes.

        "Geen geldzaken" rules out geldzorgen and schulden; "geen schulden" only schulden.
        """
        named = {m.theme for m in self.match(terms) if not m.inherited}
        children: dict[str, list[str]] = defaultdict(list)
        for child, parent in self._parent.items():
            children[parent].append(child)
        found: set[str] = set()
        todo = list(named)
        while todo:
            theme = todo.pop()
            if theme not in found:
                found.add(theme)
                todo.extend(children.get(theme, ()))
        return found

    def match(self, terms: Sequence[Term]) -> list[ThemeMatch]:
        """Themes whose phrases occur in the analysed text (each theme once per phrase hit)."""
        wanted = self._phrase_stems
        positions: dict[str, list[int]] = {}
        part_only: set[int] = set()  # positions where a stem only matched a compound part
        for i, term in enumerate(terms):
            if term.stem in wanted:
                positions.setdefault(term.stem, []).append(i)
            for part in term.parts:
                if part != term.stem and part in wanted:
                    positions.setdefault(part, []).append(i)
                    part_only.add(i)
        found: list[ThemeMatch] = []
        if not positions:
            return found
        seen: set[tuple[str, str]] = set()
        by_anchor = self._by_anchor
        present = positions.keys()
        for anchor in positions:
            for theme_name, phrase, needed in by_anchor.get(anchor, ()):
                if not needed <= present or (theme_name, phrase.text) in seen:
                    continue
                hit = _phrase_positions(phrase.stems, anchor, positions)
                if hit is not None:
                    seen.add((theme_name, phrase.text))
                    strength = phrase.strength
                    if len(hit) == 1 and hit[0] in part_only and terms[hit[0]].stem != anchor:
                        strength *= COMPOUND_PART_STRENGTH  # postzegels is not about post
                    found.append(ThemeMatch(theme_name, hit, strength))
                    parent = self._parent.get(theme_name)
                    if parent:
                        found.append(
                            ThemeMatch(
                                parent,
                                hit,
                                strength * PARENT_STRENGTH,
                                inherited=True,
                                via=theme_name,
                            )
                        )
        return found


def _phrase_positions(
    stems: tuple[str, ...], anchor: str, positions: dict[str, list[int]]
) -> tuple[int, ...] | None:
    if any(s not in positions for s in stems):
        return None
    if len(stems) == 1:
        return (positions[anchor][0],)
    window = len(stems) + _WINDOW_SLACK
    for p in positions[anchor]:
        # A word the phrase repeats ("stap voor stap") needs as many occurrences in the text:
        # each word of the phrase takes its own position.
        # (Different words may share a position: a compound holds several.)
        taken: set[tuple[str, int]] = {(anchor, p)}
        rest = list(stems)
        rest.remove(anchor)
        for s in rest:
            near = [q for q in positions[s] if abs(q - p) <= window and (s, q) not in taken]
            if not near:
                break
            taken.add((s, min(near, key=lambda q: abs(q - p))))
        else:
            return tuple(sorted({q for _s, q in taken}))
    return None


def parse(lines: Iterable[str], source: str = "themas.txt") -> list[Theme]:
    themes: list[Theme] = []
    current: Theme | None = None
    names: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            if not line.endswith("]") or len(line) < 3:
                raise ThesaurusError(f"{source}:{number}: a theme name goes between [ and ]")
            name = line[1:-1].strip()
            if name in names:
                raise ThesaurusError(f"{source}:{number}: theme [{name}] appears twice")
            names.add(name)
            current = Theme(name)
            themes.append(current)
            continue
        if current is None:
            raise ThesaurusError(f"{source}:{number}: write a [theme] line before the phrases")
        if line.lower().startswith(_PARENT_PREFIX):
            current.parent = line[len(_PARENT_PREFIX) :].strip()
            continue
        english = line.lower().startswith("en:")
        text = line[3:].strip() if english else line
        stems = tuple(t.stem for t in analyse_text(text))
        if not stems:
            raise ThesaurusError(f"{source}:{number}: no words in {line!r}")
        current.phrases.append(Phrase(text, stems, english, phrase_strength(text)))
    for theme in themes:
        if theme.parent and theme.parent not in names:
            raise ThesaurusError(f"{source}: [{theme.name}] belongs to unknown [{theme.parent}]")
    return [t for t in themes if t.phrases]


def load(path: Path | str = DEFAULT_PATH) -> Thesaurus:
    path = Path(path)
    return Thesaurus(parse(path.read_text(encoding="utf-8").splitlines(), path.name))


@functools.cache
def default() -> Thesaurus:
    return load(DEFAULT_PATH)
