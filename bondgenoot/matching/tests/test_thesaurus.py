"""The themes file: loading, errors, and phrase matching."""

import re

import pytest

from bondgenoot.matching import thesaurus
from bondgenoot.matching.analysis import analyse_text


def themes_in(text, th=None):
    th = th or thesaurus.default()
    return {m.theme for m in th.match(analyse_text(text))}


def test_default_file_loads_with_dutch_and_english_phrases():
    th = thesaurus.default()
    assert {"geldzorgen", "administratie en post", "eenzaamheid"} <= set(th.names)
    money = next(t for t in th.themes if t.name == "geldzorgen")
    assert any(p.english for p in money.phrases)
    assert any(not p.english for p in money.phrases)
    assert all(any(p.english for p in t.phrases) for t in th.themes), "every theme has English"


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Ik sta al maanden rood", "geldzorgen"),
        ("de brieven stapelen zich op", "administratie en post"),
        ("Ik ben net vrij uit de gevangenis", "detentie en opnieuw beginnen"),
        ("Ik heb niemand om mee te praten", "eenzaamheid"),
        ("I have money worries", "geldzorgen"),
        ("schuldhulpverlening", "geldzorgen"),
    ],
)
def test_everyday_paraphrases_find_their_theme(text, theme):
    assert theme in themes_in(text)


def test_words_of_a_phrase_far_apart_do_not_match():
    text = "krap " + "fiets " * 20 + "kas"
    assert "geldzorgen" not in themes_in(text)


def test_narrower_theme_also_counts_for_its_broader_theme():
    th = thesaurus.default()
    matches = th.match(analyse_text("ik heb schulden"))
    by_theme = {m.theme: m for m in matches}
    assert not by_theme["schulden"].inherited
    assert by_theme["geldzorgen"].inherited
    assert by_theme["geldzorgen"].strength < by_theme["schulden"].strength
    assert th.excluded_by(analyse_text("geen geldzaken")) >= {"geldzorgen", "schulden"}
    assert "geldzorgen" not in th.excluded_by(analyse_text("geen schulden"))


def test_common_single_words_are_weaker_evidence_than_phrases():
    th = thesaurus.default()
    strength = {m.theme: m.strength for m in th.match(analyse_text("kinderen"))}
    assert strength["opvoeding en kinderen"] < 1.0
    strength = {m.theme: m.strength for m in th.match(analyse_text("brieven stapelen zich op"))}
    assert strength["administratie en post"] == 1.0


def test_coordinators_can_add_a_theme_without_code(tmp_path):
    path = tmp_path / "themas.txt"
    path.write_text("# uitleg\n[duiven]\npostduiven\nduivensport\nen: pigeons\n", "utf-8")
    th = thesaurus.load(path)
    assert th.names == ["duiven"]
    assert themes_in("Ik heb postduiven", th) == {"duiven"}
    assert themes_in("I keep pigeons", th) == {"duiven"}


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("zonder thema\n", "write a [theme] line"),
        ("[a]\nx\n[a]\ny\n", "appears twice"),
        ("[open\nx\n", "between [ and ]"),
        ("[a]\nhoort bij: b\nx\n", "unknown [b]"),
    ],
)
def test_errors_name_the_line(tmp_path, content, error):
    path = tmp_path / "themas.txt"
    path.write_text(content, "utf-8")
    with pytest.raises(thesaurus.ThesaurusError, match=re.escape(error)):
        thesaurus.load(path)


def test_a_phrase_that_repeats_a_word_needs_it_twice():
    themes = thesaurus.Thesaurus(thesaurus.parse(["[rustig aan]", "stap voor stap"]))

    def found(text):
        return [m.theme for m in themes.match(analyse_text(text))]

    assert found("we doen het stap voor stap") == ["rustig aan"]
    assert found("een stap voor de deur") == []


def test_a_compound_still_holds_several_words_of_a_phrase():
    themes = thesaurus.Thesaurus(thesaurus.parse(["[samen koken]", "voedsel bank"]))
    assert [m.theme for m in themes.match(analyse_text("de voedselbank"))] == ["samen koken"]


def test_articles_pronouns_and_auxiliaries_of_a_phrase_may_differ():
    lines = ["[weg]", "moet mijn huis uit", "[alleen]", "geen vrienden"]
    themes = thesaurus.Thesaurus(thesaurus.parse([*lines, "[koken]", "koken voor mezelf"]))

    def found(text):
        return {m.theme for m in themes.match(analyse_text(text))}

    assert found("we moeten ons huis uit") == {"weg"}
    assert found("ik heb veel vrienden") == set()  # "geen" is no article
    assert found("ik kook voor de buurt") == set()  # nor is "mezelf"


def test_a_stop_word_in_a_text_does_not_stand_in_for_a_word_of_a_phrase():
    # Snowball stems "overheid" to "over"; the preposition "over" is still no overheid.
    themes = thesaurus.Thesaurus(thesaurus.parse(["[overheid]", "mijn overheid", "overheid"]))
    assert themes.match(analyse_text("ik praat graag over geld")) == []
    assert [m.theme for m in themes.match(analyse_text("de overheid"))] == ["overheid"]


def test_the_same_words_count_once_for_a_theme():
    lines = ["[geld]", "weinig geld", "geld", "[krap]", "hoort bij: geld", "weinig geld"]
    themes = thesaurus.Thesaurus(thesaurus.parse(lines))
    matches = themes.match(analyse_text("ik heb weinig geld"))
    assert sorted((m.theme, m.inherited) for m in matches) == [("geld", False), ("krap", False)]
    post = thesaurus.Thesaurus(thesaurus.parse(["[post]", "brief", "brieven"]))
    assert len(post.match(analyse_text("een brief"))) == 1


def test_english_phrases_are_not_found_inside_dutch_compounds():
    themes = thesaurus.Thesaurus(thesaurus.parse(["[rouw]", "en: loss"]))
    assert themes.match(analyse_text("ik ben werkloos")) == []
    assert [m.theme for m in themes.match(analyse_text("the loss of my wife"))] == ["rouw"]


def test_how_much_a_single_word_says_follows_its_own_language_and_its_base_word():
    assert thesaurus.phrase_strength("mother", english=True) < 1.0  # rare in Dutch, common here
    assert thesaurus.phrase_strength("bezoekjes") < 1.0  # matches every "bezoek"
    assert thesaurus.phrase_strength("ben alleen") < 1.0  # only everyday words
    assert thesaurus.phrase_strength("schuldsanering") == 1.0
