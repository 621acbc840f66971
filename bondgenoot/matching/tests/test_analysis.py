"""Dutch analysis: folding, stemming, diminutives, plurals, compounds."""

import pytest

from bondgenoot.matching.analysis import (
    analyse_word,
    fold,
    split_compound,
    stem,
    undiminish,
    words,
)


def test_fold_lowercases_and_drops_accents():
    assert fold("Café Één Coöperatie") == "cafe een cooperatie"


def test_words_split_and_drop_apostrophes_and_emoji():
    assert words("Thema\u2019s, baby's! 😀 e-mail") == ["themas", "babys", "e", "mail"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("schulden", "schuld"),
        ("brieven", "brief"),
        ("kinderen", "kind"),
        ("huizen", "huis"),
        ("eenzaamheid", "eenzame"),
        ("formulieren", "formulier"),
    ],
)
def test_plurals_and_derivations_share_a_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("word", "base"),
    [("kindje", "kind"), ("kindjes", "kind"), ("balletje", "bal"), ("klusjes", "klus")],
)
def test_diminutives_are_undone(word, base):
    assert undiminish(word) == base


def test_words_that_only_look_like_diminutives_stay():
    assert undiminish("meisje") == "meisje"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("schuldenproblematiek", ("schuld", "problematiek")),
        ("ervaringsdeskundige", ("ervaring", "deskundige")),
        ("buurtbewoners", ("buurt", "bewoners")),
        ("thuisadministratie", ("thuis", "administratie")),
        ("taalles", ("taal", "les")),
    ],
)
def test_compounds_are_split(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize("word", ["administratie", "begeleiding", "verslaving", "overleden"])
def test_ordinary_words_are_not_split(word):
    assert split_compound(word) == (word,)


def test_compound_parts_meet_the_separate_words():
    term = analyse_word("schuldhulpverlening")
    assert stem("schulden") in term.parts


def test_diminutive_compound_loses_its_diminutive():
    assert analyse_word("taalmaatje").stem == analyse_word("taalmaat").stem


def test_stop_words_are_flagged():
    assert analyse_word("de").stop
    assert analyse_word("with").stop
    assert not analyse_word("post").stop


@pytest.mark.parametrize("word", ["ouderen", "oudere", "jongeren", "jongere"])
def test_nominalised_comparatives_keep_their_own_meaning(word):
    """ "Ouderen" are the elderly, not "ouders" (parents); "jongeren" are young people."""
    term = analyse_word(word)
    parents, old, young = analyse_word("ouders"), analyse_word("oud"), analyse_word("jong")
    keys = {term.stem, *term.parts}
    assert not keys & {parents.stem, old.stem, young.stem}
    assert analyse_word("ouderen").stem == analyse_word("oudere").stem
    assert analyse_word("jongeren").stem == analyse_word("jongere").stem


def test_compounds_with_a_nominalised_comparative():
    assert analyse_word("ouderen").stem in analyse_word("ouderenwerk").parts
    assert analyse_word("jongeren").stem in analyse_word("jongerenwerker").parts
    assert analyse_word("ouders").stem not in analyse_word("ouderenwerk").parts
