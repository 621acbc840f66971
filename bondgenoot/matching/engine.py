"""The search engine behind "Bondgenoot zoeken".

Callers turn profiles into :class:`Document` objects, build a :class:`MatchIndex` once, keep
it current with ``upsert``/``remove``, and call ``search``. A search returns an *ordering* of
hits with reasons in plain Dutch; it never returns a number about a person, so no page can show
one.

How a question is matched (all of it lexical, explainable and without a model download):

1. ``analyse`` checks the question itself (empty, too long, only emoji, only common words).
2. Words are folded (case, accents), typos are corrected against the words of the index and the
   thesaurus, diminutives undone, compounds split over wordfreq's Dutch lexicon, and stemmed
   with Snowball Dutch.
3. The thesaurus (``data/themas.txt``) recognises everyday paraphrases in the question and in
   every profile ("rood staan", "brieven stapelen zich op", "money worries"): both sides get the
   theme, so "hulp met geldzorgen" finds "ik heb zelf schulden gehad".
4. Profiles are ranked with BM25 over the stems, compound parts and themes (fields weighted),
   a little higher when in the same neighbourhood. What a person wrote under "what I do not do"
   switches off those words and themes for them; "not right now" takes them out.
"""

from __future__ import annotations

import enum
import functools
import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import thesaurus as thesaurus_module
from .analysis import DATA_DIR, Lexicon, Term, analyse_text, analyse_word, words
from .thesaurus import ThemeMatch

MAX_QUERY_CHARS = 1000
TEXT_CACHE_SIZE = 20_000  # texts of profiles whose words and themes are kept for reasons

# How much a word in each field counts (BM25F-style). Unknown fields count FIELD_DEFAULT.
FIELD_WEIGHTS: dict[str, float] = {
    "strengths": 1.0,
    "lived_experience": 1.0,
    "about": 0.6,
    "aspirations": 0.5,
}
FIELD_DEFAULT = 0.5
# A question word this rare (Zipf frequency) whose stem the index knows may still be a typo.
KNOWN_TYPO_MAX_ZIPF = 2.5
FIELD_LABELS: dict[str, Any] = {
    "strengths": gettext_lazy("what I am good at"),
    "lived_experience": gettext_lazy("what I have lived through"),
    "about": gettext_lazy("about me"),
    "aspirations": gettext_lazy("what I want to achieve or learn"),
}

NOT_NOW_VALUES = frozenset({"not_now", "nu even niet", "not now", "niet nu"})


@dataclass(frozen=True, slots=True)
class Settings:
    k1: float = 0.9
    b: float = 0.5  # profiles are short: a longer one is more detail, not more noise
    part_weight: float = 0.6  # a compound part counts this much of a whole word
    theme_weight: float = 2.0  # a shared theme counts like this many query words
    corrected_weight: float = 0.8  # a typo-corrected word counts this much
    theme_evidence_cap: float = 1.5  # several phrases of one theme in a question count up to this
    neighbourhood_boost: float = 0.1  # same neighbourhood: score x 1.1
    language_boost: float = 0.3  # speaks the language the question asks for (or is written in)
    offer_fields: tuple[str, ...] = ("strengths", "about")
    offer_penalty: float = 0.7  # fits, but not in what they offer: lower in the list
    field_weights: Mapping[str, float] = field(default_factory=lambda: dict(FIELD_WEIGHTS))
    # Themes saturate on their own scale: one clear phrase says most of it, five say a bit more.
    theme_k1: float = 0.9
    theme_b: float = 0.45
    # Informativeness of a question word: everyday words ("werk", "thuis", "week") count less
    # than rare ones. Words at or above common_zipf count common_floor, at rare_zipf or below 1.
    common_zipf: float = 6.0
    rare_zipf: float = 4.0
    common_floor: float = 0.5


@dataclass(frozen=True, slots=True)
class Document:
    """A profile or initiative as the engine sees it: only its own words.

    ``fields`` maps a field name (``about``, ``strengths``, ``aspirations``,
    ``lived_experience``, or any other) to the text the person chose to make findable.
    ``limits`` is their "what I do not do" text, ``capacity`` their own "how much time I have"
    (``not_now`` takes them out of the results).
    """

    id: Hashable
    neighbourhood: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    limits: str = ""
    capacity: str = ""
    languages: tuple[str, ...] = ()  # codes such as "nl", "ar", "en"


@dataclass(frozen=True, slots=True)
class Hit:
    """One result. No score on purpose: callers get an order and the reasons for it."""

    id: Hashable
    reasons: list[str]
    matched_words: list[str]
    themes: list[str]
    fields: list[str]
    same_neighbourhood: bool
    languages: list[str] = field(default_factory=list)  # asked-for languages this person speaks


class QueryStatus(enum.StrEnum):
    OK = "ok"
    TOO_LONG = "too_long"  # searched with the first MAX_QUERY_CHARS characters
    EMPTY = "empty"
    NO_WORDS = "no_words"  # only emoji, digits or punctuation
    ONLY_COMMON_WORDS = "only_common_words"


@dataclass(frozen=True, slots=True)
class QueryCheck:
    status: QueryStatus
    message: str  # Dutch text for the page; empty when all is well
    text: str  # the text that will be searched

    @property
    def can_search(self) -> bool:
        return self.status in (QueryStatus.OK, QueryStatus.TOO_LONG)


def analyse(text: str | None) -> QueryCheck:
    """Check a question before searching; never raises. The message is ready to show."""
    text = (text or "").strip()
    if not text:
        return QueryCheck(QueryStatus.EMPTY, _("Type what you are looking for."), "")
    status, message = QueryStatus.OK, ""
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        status = QueryStatus.TOO_LONG
        message = _(
            "Your question is very long. We searched with the first %(count)d characters. "
            "A shorter question often works better."
        ) % {"count": MAX_QUERY_CHARS}
    terms = analyse_text(text)
    if not any(any(c.isalpha() for c in t.surface) for t in terms):
        return QueryCheck(
            QueryStatus.NO_WORDS,
            _("We could not find any words in your question. Try it with words."),
            text,
        )
    if all(t.stop for t in terms):
        return QueryCheck(
            QueryStatus.ONLY_COMMON_WORDS,
            _(
                "Your question only has very common words. Say what it is about, "
                "for example: help with letters."
            ),
            text,
        )
    return QueryCheck(status, message, text)


@functools.cache
def language_names() -> dict[str, str]:
    """Folded language name -> code, from data/talen.txt."""
    names: dict[str, str] = {}
    for line in (DATA_DIR / "talen.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        code, _sep, rest = line.partition(":")
        for name in rest.split(","):
            if name.strip():
                names[" ".join(words(name))] = code.strip().lower()
    return names


_ENGLISH_HINTS = frozenset(
    [
        "i",
        "i'm",
        "im",
        "my",
        "me",
        "you",
        "the",
        "and",
        "is",
        "are",
        "have",
        "has",
        "don't",
        "dont",
        "can't",
        "cant",
        "just",
        "need",
        "with",
        "to",
        "of",
        "for",
        "someone",
        "anyone",
        "who",
        "what",
        "how",
    ]
)
_DUTCH_HINTS = frozenset(
    [
        "ik",
        "mijn",
        "me",
        "je",
        "de",
        "het",
        "een",
        "en",
        "is",
        "zijn",
        "heb",
        "heeft",
        "niet",
        "kan",
        "met",
        "voor",
        "iemand",
        "wie",
        "hoe",
        "wat",
    ]
)


def asked_languages(text: str) -> list[str]:
    """Languages a question asks for: the ones it names, and English if it is in English."""
    found = words(text)
    names = language_names()
    codes = [names[w] for w in found if w in names and names[w] != "nl"]
    english = sum(w in _ENGLISH_HINTS for w in found)
    dutch = sum(w in _DUTCH_HINTS for w in found)
    if english > dutch:
        codes.append("en")
    return list(dict.fromkeys(codes))


# --- index ---------------------------------------------------------------------------------

_THEME = "#t:"
_LIMIT_STEM = "#l:"
_LIMIT_THEME = "#lt:"
_LANGUAGE = "#lang:"  # not a limit, but stored the same way: slots that speak a language


@dataclass(slots=True)
class _DocAnalysis:
    weights: dict[str, float]
    length: float
    limit_keys: set[str]
    vocabulary: set[str]


@dataclass(slots=True)
class _QueryTerm:
    key: str
    weight: float
    groups: set[str]  # themes this word belongs to in the question
    surface: str


class _Growable:
    """A numpy array with amortised appends."""

    def __init__(self, dtype: Any, fill: Any) -> None:
        self.data = np.full(1024, fill, dtype=dtype)
        self.fill = fill
        self.size = 0

    def append(self, value: Any) -> int:
        if self.size == len(self.data):
            grown = np.full(len(self.data) * 2, self.fill, dtype=self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size] = value
        self.size += 1
        return self.size - 1

    def view(self) -> np.ndarray:
        return self.data[: self.size]

    @classmethod
    def of(cls, values: np.ndarray, fill: Any) -> _Growable:
        g = cls(values.dtype, fill)
        g.data = np.full(max(1024, len(values) * 2), fill, dtype=values.dtype)
        g.data[: len(values)] = values
        g.size = len(values)
        return g


class MatchIndex:
    """An in-memory index of documents. Thread-safe for one writer and many readers."""

    def __init__(
        self,
        *,
        thesaurus: thesaurus_module.Thesaurus | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.thesaurus = thesaurus or thesaurus_module.default()
        self.settings = settings or Settings()
        self._lock = threading.RLock()
        self._docs: list[Document | None] = []
        self._slot: dict[Hashable, int] = {}
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._length = _Growable(np.float32, 0.0)
        self._alive = _Growable(np.bool_, False)
        self._available = _Growable(np.bool_, False)
        self._place = _Growable(np.int32, -1)
        self._places: dict[str, int] = {}
        self._total_length = 0.0
        self._vocabulary: Counter[str] = Counter()
        self._vocab_by_len: dict[int, list[str]] | None = None
        self._theme_words = self.thesaurus.vocabulary
        # Words and themes of a profile's text, for the reasons and the "offers" check of the
        # best hits; the same profiles come back for many questions.
        self._read = functools.lru_cache(maxsize=TEXT_CACHE_SIZE)(self._read_text)

    # -- building ----------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        documents: Iterable[Document],
        *,
        thesaurus: thesaurus_module.Thesaurus | None = None,
        settings: Settings | None = None,
    ) -> MatchIndex:
        index = cls(thesaurus=thesaurus, settings=settings)
        key_ids: dict[str, int] = {}
        flat_keys: list[int] = []
        flat_slots: list[int] = []
        flat_weights: list[float] = []
        lengths, alive, available, places = [], [], [], []
        for doc in documents:
            if doc.id in index._slot:
                raise ValueError(f"duplicate document id {doc.id!r}")
            slot = len(index._docs)
            index._docs.append(doc)
            index._slot[doc.id] = slot
            result = index._analyse_document(doc)
            entries = result.weights
            if result.limit_keys:
                entries = {**entries, **dict.fromkeys(result.limit_keys, 1.0)}
            flat_keys.extend([key_ids.setdefault(k, len(key_ids)) for k in entries])
            flat_weights.extend(entries.values())
            flat_slots.extend([slot] * len(entries))
            index._vocabulary.update(result.vocabulary)
            lengths.append(result.length)
            alive.append(True)
            available.append(_is_available(doc))
            places.append(index._place_code(doc.neighbourhood))
        keys = np.asarray(flat_keys, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        slots_sorted = np.asarray(flat_slots, dtype=np.int32)[order]
        weights_sorted = np.asarray(flat_weights, dtype=np.float32)[order]
        bounds = np.searchsorted(keys[order], np.arange(len(key_ids) + 1))
        index._postings = {
            key: (
                slots_sorted[bounds[i] : bounds[i + 1]],
                weights_sorted[bounds[i] : bounds[i + 1]],
            )
            for key, i in key_ids.items()
        }
        index._length = _Growable.of(np.asarray(lengths, dtype=np.float32), 0.0)
        index._alive = _Growable.of(np.asarray(alive, dtype=np.bool_), False)
        index._available = _Growable.of(np.asarray(available, dtype=np.bool_), False)
        index._place = _Growable.of(np.asarray(places, dtype=np.int32), -1)
        index._total_length = float(sum(lengths))
        return index

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._slot

    def upsert(self, doc: Document) -> None:
        """Add or replace one document; findable as soon as this returns."""
        result = self._analyse_document(doc)
        with self._lock:
            self._remove_locked(doc.id)
            slot = len(self._docs)
            self._docs.append(doc)
            self._slot[doc.id] = slot
            self._length.append(result.length)
            self._alive.append(True)
            self._available.append(_is_available(doc))
            self._place.append(self._place_code(doc.neighbourhood))
            self._total_length += result.length
            additions = dict(result.weights)
            additions.update(dict.fromkeys(result.limit_keys, 1.0))
            for key, weight in additions.items():
                old = self._postings.get(key)
                new_slots = np.array([slot], dtype=np.int32)
                new_weights = np.array([weight], dtype=np.float32)
                if old is not None:
                    new_slots = np.concatenate((old[0], new_slots))
                    new_weights = np.concatenate((old[1], new_weights))
                self._postings[key] = (new_slots, new_weights)
            before = len(self._vocabulary)
            self._vocabulary.update(result.vocabulary)
            if len(self._vocabulary) != before:
                self._vocab_by_len = None
            if len(self._docs) > 1000 and len(self._docs) > 1.5 * len(self._slot):
                self._compact_locked()

    def remove(self, doc_id: Hashable) -> None:
        with self._lock:
            self._remove_locked(doc_id)

    def _remove_locked(self, doc_id: Hashable) -> None:
        slot = self._slot.pop(doc_id, None)
        if slot is None:
            return
        self._alive.data[slot] = False
        self._total_length -= float(self._length.data[slot])
        self._docs[slot] = None

    def _compact_locked(self) -> None:
        """Drop removed documents from the postings (after many upserts)."""
        alive = self._alive.view()
        new_slot = np.cumsum(alive, dtype=np.int64) - 1
        postings = {}
        for key, (slots, weights) in self._postings.items():
            keep = alive[slots]
            if keep.any():
                postings[key] = (new_slot[slots[keep]].astype(np.int32), weights[keep])
        self._postings = postings
        live = [d for d in self._docs if d is not None]
        self._slot = {d.id: i for i, d in enumerate(live)}
        self._docs = list[Document | None](live)
        for name in ("_length", "_available", "_place"):
            arr: _Growable = getattr(self, name)
            setattr(self, name, _Growable.of(arr.view()[alive].copy(), arr.fill))
        self._alive = _Growable.of(np.ones(len(self._docs), dtype=np.bool_), False)

    def _read_text(self, text: str) -> tuple[tuple[Term, ...], tuple[ThemeMatch, ...]]:
        terms = tuple(analyse_text(text))
        return terms, tuple(self.thesaurus.match(terms))

    def _place_code(self, neighbourhood: str) -> int:
        key = " ".join(words(neighbourhood or ""))
        if not key:
            return -1
        return self._places.setdefault(key, len(self._places))

    def _limited_themes(self, limits: str, offered: set[str]) -> set[str]:
        """Themes a person's limits rule out.

        A limit on a theme the person explicitly offers is a nuance within it ("werk zoeken"
        offered, "ik kan geen banen garanderen" as limit), not a refusal of the whole theme.
        """
        return self.thesaurus.excluded_by(analyse_text(limits)) - offered

    def _offered_themes(self, doc: Document) -> set[str]:
        found: set[str] = set()
        for name in self.settings.offer_fields:
            text = doc.fields.get(name)
            if text:
                found.update(m.theme for m in self._read(text)[1] if not m.inherited)
        return found

    def _analyse_document(self, doc: Document) -> _DocAnalysis:
        s = self.settings
        weights: dict[str, float] = defaultdict(float)
        length = 0.0
        vocabulary: set[str] = set()
        offered: set[str] = set()  # themes named in what the person offers
        theme_hits: list[tuple[float, ThemeMatch]] = []
        for name, text in doc.fields.items():
            if not text:
                continue
            fw = s.field_weights.get(name, FIELD_DEFAULT)
            terms = analyse_text(text)
            for term in terms:
                if term.stop:
                    continue
                length += fw
                weights[term.stem] += fw
                for part in term.parts:
                    if part != term.stem:
                        weights[part] += fw * s.part_weight
                if len(term.surface) >= 3 and term.surface.isalpha():
                    vocabulary.add(term.surface)
            for match in self.thesaurus.match(terms):
                theme_hits.append((fw, match))
                if name in s.offer_fields and not match.inherited:
                    offered.add(match.theme)
        limit_keys: set[str] = set()
        limited = self._limited_themes(doc.limits, offered) if doc.limits else set()
        for fw, match in theme_hits:
            # "geen schulden": schulden do not count towards geldzorgen either
            if match.via not in limited:
                weights[_THEME + match.theme] += fw * match.strength
        if doc.limits:
            for theme in limited:
                limit_keys.add(_LIMIT_THEME + theme)
            for term in analyse_text(doc.limits):
                if not term.stop:
                    limit_keys.add(_LIMIT_STEM + term.stem)
                    limit_keys.update(_LIMIT_STEM + p for p in term.parts)
        limit_keys.update(_LANGUAGE + code.strip().lower() for code in doc.languages if code)
        return _DocAnalysis(dict(weights), max(length, 1.0), limit_keys, vocabulary)

    # -- searching ---------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        neighbourhood: str | None = None,
        allowed_ids: Collection[Hashable] | Callable[[Hashable], bool] | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """The best-fitting documents for a question, best first, with reasons.

        ``allowed_ids`` restricts the results to the documents the viewer may see: a collection
        of ids or a predicate on an id. Unusable questions (see :func:`analyse`) give ``[]``.
        """
        check = analyse(query)
        if not check.can_search or limit <= 0:
            return []
        with self._lock:
            postings = self._postings
            n_slots = len(self._docs)
            alive = self._alive.view()[:n_slots].copy()
            available = self._available.view()[:n_slots]
            lengths = self._length.view()[:n_slots]
            places = self._place.view()[:n_slots]
            docs = self._docs  # only appended to; compaction swaps in a new list
            n_docs = len(self._slot)
            avgdl = self._total_length / max(n_docs, 1)
        if n_docs == 0:
            return []
        qterms, query_themes, _corrected = self._query_terms(check.text, postings)
        if not qterms:
            return []
        s = self.settings
        scores = np.zeros(n_slots, dtype=np.float32)
        self._score_terms(
            qterms,
            scores=scores,
            postings=postings,
            alive=alive,
            lengths=lengths,
            n_docs=n_docs,
            avgdl=avgdl,
        )
        ok = alive & available & (scores > 0)
        home = self._places.get(" ".join(words(neighbourhood or "")), -2)
        if home >= 0:
            scores = np.where(places == home, scores * (1.0 + s.neighbourhood_boost), scores)
        languages = asked_languages(check.text)
        for code in languages:
            speakers = postings.get(_LANGUAGE + code)
            if speakers is not None:
                scores[speakers[0]] *= 1.0 + s.language_boost
        if allowed_ids is None:
            allowed = None
        elif callable(allowed_ids):
            allowed = allowed_ids
        else:
            allowed = allowed_ids.__contains__
        # Rerank the head: someone whose "what I am good at" fits offers it; someone who only
        # mentions it elsewhere (their own story, their wishes) may be asking for it.
        head_size = max(50, 3 * limit)
        head: list[tuple[float, int, Document]] = []
        rest: list[Document] = []
        stems = {qt.key for qt in qterms if not qt.key.startswith(_THEME)}
        for slot in _best_first(np.flatnonzero(ok), scores, head_size):
            doc = docs[slot]
            if doc is None or (allowed is not None and not allowed(doc.id)):
                continue
            if len(head) < head_size:
                factor = 1.0 if self._offers(doc, stems, query_themes) else s.offer_penalty
                head.append((-float(scores[slot]) * factor, slot, doc))
            else:
                rest.append(doc)
                if len(rest) >= limit:
                    break
        head.sort(key=lambda item: (item[0], item[1]))
        ordered = [doc for _score, _slot, doc in head] + rest
        return [
            self._explain(doc, qterms, query_themes, home, languages) for doc in ordered[:limit]
        ]

    def _score_terms(
        self,
        qterms: list[_QueryTerm],
        *,
        scores: np.ndarray,
        postings: dict,
        alive: np.ndarray,
        lengths: np.ndarray,
        n_docs: int,
        avgdl: float,
    ) -> None:
        """Add BM25F contributions of the question's terms to ``scores`` (in place)."""
        s = self.settings
        for qt in qterms:
            entry = postings.get(qt.key)
            if entry is None:
                continue
            slots, tf = entry
            df = int(np.count_nonzero(alive[slots]))
            if df == 0:
                continue
            idf = math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
            k1, b = (s.theme_k1, s.theme_b) if qt.key.startswith(_THEME) else (s.k1, s.b)
            norm = k1 * (1.0 - b + b * lengths[slots] / avgdl)
            contrib = (qt.weight * idf * (k1 + 1.0)) * tf / (tf + norm)
            excluded = self._excluded(qt, postings)
            if excluded is not None:
                contrib = np.where(np.isin(slots, excluded), 0.0, contrib)
            scores[slots] += contrib

    def _offers(self, doc: Document, stems: set[str], themes: list[str]) -> bool:
        for name in self.settings.offer_fields:
            text = doc.fields.get(name)
            if not text:
                continue
            terms, matches = self._read(text)
            for term in terms:
                if not term.stop and (term.stem in stems or stems.intersection(term.parts)):
                    return True
            if themes and any(m.theme in themes for m in matches):
                return True
        return False

    def _excluded(self, qt: _QueryTerm, postings: dict) -> np.ndarray | None:
        keys = []
        if qt.key.startswith(_THEME):
            keys.append(_LIMIT_THEME + qt.key[len(_THEME) :])
        else:
            keys.append(_LIMIT_STEM + qt.key)
            keys.extend(_LIMIT_THEME + g for g in qt.groups)
        found = [postings[k][0] for k in keys if k in postings]
        if not found:
            return None
        return np.concatenate(found) if len(found) > 1 else found[0]

    def _query_terms(
        self, text: str, postings: dict
    ) -> tuple[list[_QueryTerm], list[str], dict[str, str]]:
        s = self.settings
        surfaces = words(text)
        corrected: dict[str, str] = {}
        fixed = []
        for w in surfaces:
            better = self._correct(w, postings)
            if better != w:
                corrected[better] = w
            fixed.append(better)
        terms = [analyse_word(w) for w in fixed]
        matches = self.thesaurus.match(terms)
        groups_at: dict[int, set[str]] = defaultdict(set)
        theme_hits: dict[str, float] = defaultdict(float)
        for m in matches:
            theme_hits[m.theme] += m.strength
            for p in m.positions:
                groups_at[p].add(m.theme)
        counts: dict[str, float] = defaultdict(float)
        info: dict[str, _QueryTerm] = {}
        for i, term in enumerate(terms):
            if term.stop:
                continue
            base = s.corrected_weight if term.surface in corrected else 1.0
            base *= self._informativeness(term.surface)
            keys = [(term.stem, base)]
            keys += [(p, base * s.part_weight) for p in term.parts if p != term.stem]
            for key, weight in keys:
                counts[key] += weight
                qt = info.setdefault(key, _QueryTerm(key, 0.0, set(), term.surface))
                qt.groups |= groups_at.get(i, set())
        for key, qt in info.items():
            c = counts[key]
            qt.weight = c if c <= 1.0 else 1.0 + math.log(c)
        qterms = list(info.values())
        for theme, evidence in theme_hits.items():
            weight = s.theme_weight * min(evidence, s.theme_evidence_cap)
            qterms.append(_QueryTerm(_THEME + theme, weight, {theme}, theme))
        themes_in_order = list(dict.fromkeys(m.theme for m in matches))
        return qterms, themes_in_order, corrected

    def _informativeness(self, word: str) -> float:
        """How much a question word says: 1 for rare words, less for everyday ones."""
        s = self.settings
        if s.common_floor >= 1.0:
            return 1.0
        z = Lexicon.get().frequency(word)
        if z <= s.rare_zipf:
            return 1.0
        if z >= s.common_zipf:
            return s.common_floor
        share = (z - s.rare_zipf) / (s.common_zipf - s.rare_zipf)
        return 1.0 - share * (1.0 - s.common_floor)

    def _correct(self, word: str, postings: dict) -> str:
        """The closest known word for a word nobody uses (a typo), else the word itself."""
        if len(word) < 4 or not word.isalpha() or word in self._vocabulary:
            return word
        if word in self._theme_words:
            return word
        term = analyse_word(word)
        if term.stop:
            return word
        frequency = Lexicon.get().frequency(word)
        if frequency >= 3.0:
            return word
        # A typo can stem to a word that exists ("stopen" -> stop): then only a far more common
        # word one letter away replaces it ("stoppen").
        known = term.stem in postings or any(p in postings for p in term.parts)
        if known and frequency >= KNOWN_TYPO_MAX_ZIPF:
            return word
        by_len = self._vocab_by_len
        if by_len is None:
            by_len = defaultdict(list)
            for w in set(self._vocabulary) | self._theme_words:
                by_len[len(w)].append(w)
            self._vocab_by_len = by_len
        max_distance = 1 if known or len(word) < 8 else 2
        pool = [
            w
            for n in range(len(word) - max_distance, len(word) + max_distance + 1)
            for w in by_len.get(n, ())
        ]
        found = process.extract(
            word, pool, scorer=OSA.distance, score_cutoff=max_distance, limit=10
        )
        if known:
            found = [f for f in found if Lexicon.get().frequency(f[0]) >= frequency + 2.0]
        if not found:
            return word
        best = min(
            found,
            key=lambda f: (f[1], -self._vocabulary.get(f[0], 0), -Lexicon.get().frequency(f[0])),
        )
        return str(best[0])

    def _explain(
        self,
        doc: Document,
        qterms: list[_QueryTerm],
        query_themes: list[str],
        home: int,
        languages: list[str],
    ) -> Hit:
        stems = {qt.key for qt in qterms if not qt.key.startswith(_THEME)}
        excluded_themes: set[str] = set()
        excluded_stems: set[str] = set()
        if doc.limits:
            limit_terms = analyse_text(doc.limits)
            excluded_stems = {t.stem for t in limit_terms if not t.stop}
            excluded_themes = self._limited_themes(doc.limits, self._offered_themes(doc))
        wanted_themes = [t for t in query_themes if t not in excluded_themes]
        found_words: dict[str, None] = {}
        found_themes: dict[str, None] = {}
        found_fields: dict[str, None] = {}
        for name, text in doc.fields.items():
            if not text:
                continue
            terms, matches = self._read(text)
            in_field = False
            for term in terms:
                if term.stop:
                    continue
                keys = {term.stem, *term.parts}
                if keys & stems and not keys & excluded_stems:
                    found_words[term.surface] = None
                    in_field = True
            for match in matches:
                if match.theme in wanted_themes and match.via not in excluded_themes:
                    found_themes[match.theme] = None
                    in_field = True
                    for p in match.positions:
                        if not terms[p].stop:
                            found_words[terms[p].surface] = None
            if in_field:
                found_fields[name] = None
        same_place = home >= 0 and self._places.get(" ".join(words(doc.neighbourhood))) == home
        themes = [t for t in wanted_themes if t in found_themes]
        matched = list(found_words)[:8]
        reasons: list[str] = []
        if themes:
            reasons.append(_("Fits: %(themes)s") % {"themes": ", ".join(themes)})
        if matched:
            reasons.append(_("Words: %(words)s") % {"words": ", ".join(matched)})
        labels = [str(FIELD_LABELS[f]) for f in found_fields if f in FIELD_LABELS]
        if labels:
            reasons.append(_("In: %(fields)s") % {"fields": ", ".join(labels)})
        spoken = {c.strip().lower() for c in doc.languages}
        shared = [c for c in languages if c in spoken]
        if shared:
            names = {code: name for name, code in reversed(language_names().items())}
            reasons.append(
                _("Speaks: %(languages)s")
                % {"languages": ", ".join(names[c].capitalize() for c in shared)}
            )
        if same_place:
            reasons.append(_("In your neighbourhood"))
        return Hit(doc.id, reasons, matched, themes, list(found_fields), same_place, shared)


def _best_first(candidates: np.ndarray, scores: np.ndarray, first: int) -> Iterator[int]:
    """Slots by descending score (ties by slot), sorting only as far as the caller reads."""
    if len(candidates) > first:
        top = np.argpartition(-scores[candidates], first)[:first]
        head = candidates[top]
        yield from _sorted(head, scores)
        rest = np.setdiff1d(candidates, head, assume_unique=True)
        yield from _sorted(rest, scores)
    else:
        yield from _sorted(candidates, scores)


def _sorted(slots: np.ndarray, scores: np.ndarray) -> Iterator[int]:
    for slot in slots[np.lexsort((slots, -scores[slots]))]:
        yield int(slot)


def _is_available(doc: Document) -> bool:
    return " ".join(words(doc.capacity or "")).replace(" ", "_") not in {
        v.replace(" ", "_") for v in NOT_NOW_VALUES
    }
