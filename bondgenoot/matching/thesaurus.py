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

from .analysis import DATA_DIR, Lexicon, Term, analyse_text, undiminish

DEFAULT_PATH = DATA_DIR / "themas.txt"
# Extra words allowed between the words of a phrase ("brieven die zich echt opstapelen").
_WINDOW_SLACK = 3
# A single-word phrase found only as part of a compound counts this much (voedselbank, postzegel).
COMPOUND_PART_STRENGTH = 0.5
# A narrower theme ("huur en verhuurder") counts this much for its broader one ("wonen").
PARENT_STRENGTH = 0.5
_PARENT_PREFIX = "hoort bij:"
_KEYS_CACHE_SIZE = 200_000  # words whose phrase keys are remembered
# Words a phrase may have without a text needing them: articles, pronouns and auxiliaries
# ("moet mijn huis uit" also fits "we moeten ons huis uit"). Negations, particles,
# prepositions and "mezelf" stay: "geen vrienden" is not "vrienden", "uit huis gezet" is not
# "huis", "koken voor mezelf" is not "koken voor de buurt".
_OPTIONAL = """de het een t ik je jij u hij zij ze we wij jullie mijn me mij jouw jou zijn haar
hun ons onze uw is ben bent was waren heb hebt heeft hebben had hadden kan kun kunnen kon konden
wil wilt willen wou moet moeten mag mogen zal zou zouden er dat die dit deze te om
i im my you your a an the am are were be been to it its do does did"""
OPTIONAL_WORDS = frozenset(_OPTIONAL.split())


class ThesaurusError(ValueError):
    """The themes file has a line we cannot read; the message names the line."""


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    stems: tuple[str, ...]  # stems of the words a text must have (see OPTIONAL_WORDS)
    english: bool
    strength: float = 1.0  # how much a hit says: an everyday single word says less


def phrase_strength(text: str, english: bool = False) -> float:
    """A phrase of several words is strong evidence; a single very common word is weak.

    How common a word is comes from the Dutch word list, or the English one for an English
    phrase ("mother" is rare in Dutch, but says as little as "moeder").
    """
    terms = analyse_text(text)
    content = [t for t in terms if not t.stop]
    if not content:
        return 0.5  # "ben alleen", "ik heb zelf": only everyday words, however telling together
    if len(content) != 1:
        return 1.0
    word = content[0].surface
    if english:
        z = _english_frequency(word)
    else:
        # A diminutive matches its base word too: "bezoekjes" every "bezoek", "oudjes" every "oud".
        lex = Lexicon.get()
        z = max(lex.frequency(word), lex.frequency(undiminish(word)))
    # "geen geld", "op straat": a word that must come with it narrows a common word down.
    narrowed = any(t.stop and t.surface not in OPTIONAL_WORDS for t in terms)
    if z >= 5.0:
        return 0.7 if narrowed else 0.4
    if z >= 4.5:
        return 1.0 if narrowed else 0.7
    return 1.0


@functools.cache
def _english_frequency(word: str) -> float:
    import wordfreq

    return float(wordfreq.zipf_frequency(word, "en"))


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
        # A text is only checked for the phrases whose key word it contains: the rarest-looking
        # word of the phrase (a content word before a stop word such as "~ben").
        # Each entry keeps the set of the phrase's stems, so a text that lacks one of them is
        # skipped with one set operation (the file has thousands of phrases), and the phrase's
        # anchor: its longest stem, where the words of the phrase are looked for around.
        self._by_key: dict[str, list[tuple[str, Phrase, frozenset[str], str]]] = defaultdict(list)
        for theme in self.themes:
            for phrase in theme.phrases:
                key = max(phrase.stems, key=_key_rank)
                anchor = max(phrase.stems, key=len)
                entry = (theme.name, phrase, frozenset(phrase.stems), anchor)
                self._by_key[key].append(entry)
        self._parent = {t.name: t.parent for t in self.themes if t.parent}
        self._phrase_stems = frozenset(s for t in self.themes for p in t.phrases for s in p.stems)
        self._keys_of: dict[str, tuple[tuple[str, bool], ...]] = {}

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

    def _phrase_keys(self, term: Term) -> tuple[tuple[str, bool], ...]:
        """The keys of a word that some phrase has, each with "only as a compound part"."""
        wanted = self._phrase_stems
        keys: list[tuple[str, bool]] = []
        key = _key(term)
        if key in wanted:
            keys.append((key, False))
        if not term.stop:
            keys.extend((p, True) for p in term.parts if p != term.stem and p in wanted)
        found = tuple(keys)
        if len(self._keys_of) > _KEYS_CACHE_SIZE:
            self._keys_of = {}
        self._keys_of[term.surface] = found  # the same word always has the same analysis
        return found

    def match(self, terms: Sequence[Term]) -> list[ThemeMatch]:
        """Themes whose phrases occur in the analysed text.

        Each stretch of text counts once per theme (see :func:`_distinct`); a narrower theme
        also counts, with PARENT_STRENGTH, for its broader one.
        """
        positions: dict[str, list[int]] = {}
        part_only: set[int] = set()  # positions where a stem only matched a compound part
        keys_of = self._keys_of
        for i, term in enumerate(terms):
            keys = keys_of.get(term.surface)
            if keys is None:
                keys = self._phrase_keys(term)
            for key, part in keys:
                positions.setdefault(key, []).append(i)
                if part:
                    part_only.add(i)
        found: list[ThemeMatch] = []
        if not positions:
            return found
        seen: set[tuple[str, str]] = set()
        by_key = self._by_key
        present = positions.keys()
        hits: dict[str, list[_Hit]] = defaultdict(list)
        for key in positions:
            for theme_name, phrase, needed, anchor in by_key.get(key, ()):
                if not needed <= present or (theme_name, phrase.text) in seen:
                    continue
                hit = _phrase_positions(phrase.stems, anchor, positions)
                if hit is not None:
                    seen.add((theme_name, phrase.text))
                    strength = phrase.strength
                    if len(hit) == 1 and hit[0] in part_only and terms[hit[0]].stem != anchor:
                        if phrase.english:
                            continue  # English words are no part of a Dutch compound (werkloos)
                        strength *= COMPOUND_PART_STRENGTH  # postzegels is not about post
                    hits[theme_name].append((hit, strength, ""))
                    parent = self._parent.get(theme_name)
                    if parent:
                        hits[parent].append((hit, strength * PARENT_STRENGTH, theme_name))
        for theme_name, theme_hits in hits.items():
            for hit, strength, via in _distinct(theme_hits):
                found.append(ThemeMatch(theme_name, hit, strength, inherited=bool(via), via=via))
        return found


# A phrase hit: the positions of its words, its strength, and the narrower theme it came
# through ("" when the phrase belongs to the theme itself).
_Hit = tuple[tuple[int, ...], float, str]


def _distinct(hits: list[_Hit]) -> list[_Hit]:
    """One hit per stretch of text: "brief" and "brieven", or "rood" inside "sta rood", are
    the same evidence for a theme, and so are "weinig geld" as geldzorgen and the same words
    as budget (counted for geldzorgen through it). A hit whose words another hit of the theme
    covers is dropped; the covering hit keeps the higher strength, and counts as the theme's
    own when either was."""
    if len(hits) == 1:
        return hits
    kept: list[tuple[set[int], tuple[int, ...], float, str]] = []
    for hit, strength, via in sorted(hits, key=lambda h: (-len(h[0]), -h[1], h[0], h[2])):
        covered = set(hit)
        for i, (cover, kept_hit, kept_strength, kept_via) in enumerate(kept):
            if covered <= cover:
                own = "" if not via or not kept_via else kept_via
                kept[i] = (cover, kept_hit, max(kept_strength, strength), own)
                break
        else:
            kept.append((covered, hit, strength, via))
    return [(hit, strength, via) for _cover, hit, strength, via in sorted(kept, key=lambda k: k[1])]


def _key_rank(key: str) -> tuple[bool, bool, int]:
    return (not key.startswith("~"), any(c.isdigit() for c in key), len(key))


def _key(term: Term) -> str:
    """What a word of a phrase is matched on: its stem, or the word itself for a stop word
    ("over" the preposition is not "overheid", although Snowball stems both to "over")."""
    return "~" + term.surface if term.stop else term.stem


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
        terms = analyse_text(text)
        if not terms:
            raise ThesaurusError(f"{source}:{number}: no words in {line!r}")
        required = [t for t in terms if t.surface not in OPTIONAL_WORDS]
        if len(required) < 2 or all(t.stop for t in required):
            required = terms  # "heb niemand", "kan niet meer": the rest alone says something else
        stems = tuple(_key(t) for t in required)
        current.phrases.append(Phrase(text, stems, english, phrase_strength(text, english)))
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
