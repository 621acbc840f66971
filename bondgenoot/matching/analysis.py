"""Dutch text analysis for matching: folding, stop words, diminutives, compounds, stemming.

Everything here works on single words and is cached per word, so analysing a long text costs a
dictionary look-up per word once the vocabulary is warm. Nothing is downloaded: the lexicon is
wordfreq's Dutch word list, which ships inside the wordfreq wheel.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import Stemmer

DATA_DIR = Path(__file__).resolve().parent / "data"

# Parts of a compound are joined directly, with a linking s/e/en, or with a hyphen.
_GLUE = ("", "s", "en", "e", "-")
# A part of a compound must be a word at least this common (Zipf scale: 3 = once per million).
_MIN_PART_ZIPF = 2.5
# Short words that are fine as a part of a compound (taal|les, brieven|bus, fiets|pad).
_SHORT_PARTS = frozenset(
    [
        "les",
        "bus",
        "dag",
        "weg",
        "pad",
        "bos",
        "ijs",
        "zak",
        "kas",
        "bal",
        "kok",
        "bed",
        "bad",
        "pot",
        "tas",
        "kop",
        "hal",
        "wijk",
    ]
)
# Prefixes and particles that also exist as words; as a "part" they only add noise
# (hulp|ver|lening, over|leden, toe|slag).
_NOT_A_PART = frozenset(
    [
        "aan",
        "uit",
        "toe",
        "ver",
        "over",
        "onder",
        "door",
        "mee",
        "achter",
        "voor",
        "tegen",
        "bij",
        "na",
        "weg",
        "op",
        "af",
        "om",
        "in",
        "ont",
        "her",
        "der",
        "een",
        "erg",
        "hou",
        "was",
        "zin",
        "ben",
        "wel",
        "nie",
        "oud",
        "ter",
    ]
)
# Nominalised comparatives are people, not a comparison: "ouderen" are the elderly, never
# "ouders" (parents) nor "oud" (old things); "jongeren" are young people. They keep a stem of
# their own (also as the first part of a compound: ouderenwerk, jongerenwerker).
NOMINALISED = {
    "ouderen": "ouderen",
    "oudere": "ouderen",
    "jongeren": "jongeren",
    "jongere": "jongeren",
}
_SPLIT_PENALTY = 0.35  # per extra part, in Zipf units: prefer the whole word when unsure
_MIN_COMPOUND_LEN = 7

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def fold(text: str) -> str:
    """Lower case without accents: "Café Één" -> "cafe een"."""
    if text.isascii():
        return text.lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Folded words of a text, apostrophes dropped ("baby's" -> "babys")."""
    return [w.replace("'", "") for w in _TOKEN_RE.findall(fold(text))]


def _read_word_file(name: str) -> frozenset[str]:
    found: set[str] = set()
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        found.update(w.replace("'", "") for w in fold(line).split())
    return frozenset(found)


@functools.cache
def stopwords() -> frozenset[str]:
    return _read_word_file("stopwoorden.txt")


class Lexicon:
    """Dutch word frequencies (Zipf scale) from wordfreq's large Dutch list, loaded once."""

    _instance: Lexicon | None = None
    _lock = threading.Lock()

    def __init__(self, zipf: dict[str, float]) -> None:
        self.zipf = zipf

    @classmethod
    def get(cls) -> Lexicon:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls(_load_wordfreq_dutch())
            return cls._instance

    def __contains__(self, word: str) -> bool:
        return word in self.zipf

    def frequency(self, word: str) -> float:
        return self.zipf.get(word, 0.0)


def _load_wordfreq_dutch() -> dict[str, float]:
    import wordfreq

    zipf: dict[str, float] = {}
    # The list is bucketed by frequency: bucket i holds words with frequency 10**(-i/100).
    for i, bucket in enumerate(wordfreq.get_frequency_list("nl", "large")):
        z = 9.0 - i / 100.0
        if z < 1.5:
            break
        for w in bucket:
            if w.isalpha():
                zipf[fold(w)] = max(z, zipf.get(fold(w), 0.0))
    return zipf


_local = threading.local()


# Snowball's classic Dutch stemmer. The newer "dutch" algorithm strips ge- from every word
# (gezond -> zon, geldzorgen -> ldzorg) and stems schuld and schulden differently.
STEMMER_ALGORITHM = "dutch_porter"


def stem(word: str) -> str:
    """Snowball Dutch stem of a folded word, with Dutch voicing undone (brieven -> brief).

    Also handles the -eren plurals (kinderen -> kind). One stemmer per thread: PyStemmer
    objects are not safe to share.
    """
    own = NOMINALISED.get(word)
    if own is not None:
        return own
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer(STEMMER_ALGORITHM)
    if word.endswith("eren") and len(word) > 6 and Lexicon.get().frequency(word[:-4]) >= 4.0:
        word = word[:-4]
    result = str(stemmer.stemWord(word))
    if len(result) >= 4 and result[-1] in "vz":
        result = result[:-1] + ("f" if result[-1] == "v" else "s")
    return result


def lemma(word: str) -> str:
    """Dictionary form of a Dutch word (simplemma): liep -> lopen, opbelt -> opbellen."""
    import simplemma

    found = simplemma.lemmatize(word, lang="nl")
    return fold(found) if found and found.isalpha() else word


_DIMINUTIVE_ENDINGS = ("etje", "pje", "tje", "kje", "je")


def undiminish(word: str) -> str:
    """Base of a diminutive when the lexicon knows it: kindje -> kind, balletjes -> bal.

    Words that only look like a diminutive (meisje, beetje) keep their form because their
    "base" is not a common word.
    """
    if len(word) < 5 or not (word.endswith("je") or word.endswith("jes")):
        return word
    w = word[:-1] if word.endswith("jes") else word
    lex = Lexicon.get()
    candidates: list[str] = []
    for ending in _DIMINUTIVE_ENDINGS:
        if not w.endswith(ending):
            continue
        base = w[: -len(ending)]
        if len(base) < 3:
            continue
        candidates.append(base)
        if ending == "etje" and len(base) > 3 and base[-1] == base[-2]:
            candidates.append(base[:-1])  # balletje -> bal, mannetje -> man
    known = [c for c in candidates if lex.frequency(c) >= 3.0 and c not in stopwords()]
    # maatje: "maat" (-je) is a more common word than "maa" (-tje).
    return max(known, key=lex.frequency) if known else word


def split_compound(word: str) -> tuple[str, ...]:
    """Split a Dutch compound into common words: schuldhulpverlening -> schuld, hulp, verlening.

    Returns ``(word,)`` when no split is better than the word itself. A split is scored by the
    mean Zipf frequency of its parts minus a penalty per extra part, and must beat the whole
    word's own frequency.
    """
    if len(word) < _MIN_COMPOUND_LEN or not word.isalpha():
        return (word,)
    result = _best_split(word, 0)
    return result[1] if result else (word,)


def _part_ok(part: str, z: float) -> bool:
    if z < _MIN_PART_ZIPF or part in _NOT_A_PART or part in stopwords():
        return False
    return len(part) >= 4 or part in _SHORT_PARTS


@functools.lru_cache(maxsize=200_000)
def _best_split(word: str, depth: int) -> tuple[float, tuple[str, ...]] | None:
    lex = Lexicon.get()
    whole = lex.frequency(word)
    best: tuple[float, tuple[str, ...]] | None = None
    if _part_ok(word, whole) or (depth == 0 and whole > 0):
        best = (whole, (word,))
    if depth >= 3:
        return best
    for i in range(3, len(word) - 2):
        head = word[:i]
        zh = lex.frequency(head)
        if not _part_ok(head, zh):
            continue
        rest = word[i:]
        for glue in _GLUE:
            if glue and not rest.startswith(glue):
                continue
            tail = rest[len(glue) :]
            if len(tail) < 3:
                continue
            sub = _best_split(tail, depth + 1)
            if sub is None or (len(sub[1]) == 1 and not _part_ok(tail, sub[0])):
                continue
            n = 1 + len(sub[1])
            score = (zh + sub[0] * len(sub[1])) / n - _SPLIT_PENALTY * (n - 1)
            if best is None or score > best[0]:
                best = (score, (head, *sub[1]))
    return best


@dataclass(frozen=True, slots=True)
class Term:
    """One word of a text after analysis.

    ``stem`` is the Snowball stem of the word (after undoing a diminutive); ``parts`` are the
    stems of its compound parts (empty when it is not a compound); ``stop`` says whether the
    word is a stop word (kept for phrase matching, ignored for scoring).
    """

    surface: str
    stem: str
    parts: tuple[str, ...]
    stop: bool


@functools.lru_cache(maxsize=500_000)
def analyse_word(surface: str) -> Term:
    """Analyse one folded word (cached)."""
    sw = stopwords()
    if surface in sw or len(surface) < 2 or surface.isdigit():
        return Term(surface, surface, (), True)
    base = undiminish(surface)
    if base in sw or lemma(base) in sw:
        return Term(surface, base, (), True)
    pieces = split_compound(base)
    for own in NOMINALISED:
        # ouderenwerk is ouderen + werk, not ouder + werk (the split glues -en to the tail)
        rest = base[len(own) :]
        if own == NOMINALISED[own] and base.startswith(own) and len(rest) >= 3:
            pieces = (own, *split_compound(rest))
    parts: tuple[str, ...] = ()
    if len(pieces) > 1:
        last = undiminish(pieces[-1])
        if last != pieces[-1]:  # taalmaatje -> taalmaat
            base = base[: len(base) - len(pieces[-1])] + last
        pieces = (*pieces[:-1], last)
        parts = tuple(dict.fromkeys(stem(p) for p in pieces))
    main = stem(base)
    alias = main if base in NOMINALISED else stem(lemma(base))
    if alias != main and alias not in parts:
        parts = (*parts, alias)  # opbelt ~ opbellen, stond ~ staan
    return Term(surface, main, parts, False)


def analyse_text(text: str) -> list[Term]:
    """All words of a text, in order, stop words included (flagged)."""
    return [analyse_word(w) for w in words(text)]
