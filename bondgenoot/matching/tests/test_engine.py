"""The search engine: matching, reasons, limits, capacity, neighbourhood, updates, bad queries."""

import pytest

from bondgenoot.matching.engine import Document, Hit, MatchIndex, QueryStatus, analyse


def doc(id, strengths="", lived="", about="", limits="", capacity="available", place="Noord"):
    return Document(
        id=id,
        neighbourhood=place,
        fields={"strengths": strengths, "lived_experience": lived, "about": about},
        limits=limits,
        capacity=capacity,
    )


@pytest.fixture(scope="module")
def index():
    return MatchIndex.build(
        [
            doc("ans", strengths="Ik help met administratie en de post openmaken."),
            doc("bram", strengths="Fietsen repareren en klusjes in huis.", place="Zuid"),
            doc("chantal", lived="Na mijn scheiding was ik eenzaam.", place="Zuid"),
            doc("driss", strengths="Ervaringsdeskundige schuldhulpverlening."),
            doc("els", strengths="Taalles en Nederlands oefenen.", limits="Ik help niet met geld."),
            doc("fien", strengths="Ik ken de weg bij schulden en geldzorgen.", capacity="not_now"),
            doc("gert", strengths="Schulden? Ik help je.", limits="Ik kom niet bij je thuis."),
            doc("hanna", lived="Ik had zelf schulden.", limits="ik help niet met schulden"),
            doc(
                "ivo",
                strengths="Werk zoeken en een cv maken.",
                limits="Ik kan geen banen garanderen.",
            ),
            Document(
                id="jamila",
                neighbourhood="Noord",
                fields={"strengths": "Ik ga mee naar de schuldhulp."},
                languages=("nl", "ar"),
            ),
        ]
    )


def ids(hits):
    return [h.id for h in hits]


def test_short_question_finds_the_right_person(index):
    assert ids(index.search("hulp met post"))[0] == "ans"


def test_compound_matches_separate_words(index):
    assert "driss" in ids(index.search("hulp bij schulden"))
    assert "driss" in ids(index.search("ervaringsdeskundige"))


def test_typos_are_forgiven(index):
    assert ids(index.search("iemnd die mijn fiets kan repareern"))[0] == "bram"
    assert ids(index.search("administartie"))[0] == "ans"


def test_a_typo_that_is_also_a_rare_word_is_read_as_the_common_one():
    # "stopen" stems to "stop", which the index knows: still, "stoppen" is what was meant.
    index = MatchIndex.build(
        [
            doc("kees", strengths="Ik help je stoppen met gokken."),
            doc("lot", strengths="Ik stop je was in de machine en ik strijk."),
        ]
    )
    hits = index.search("ik wil stopen")
    assert ids(hits)[0] == "kees"
    assert "stoppen" in hits[0].matched_words


def test_paraphrase_through_the_thesaurus(index):
    hits = index.search("ik sta rood")
    assert "driss" in ids(hits)


def test_english_question(index):
    assert ids(index.search("I feel lonely"))[0] == "chantal"


def test_diminutive_in_the_question(index):
    assert "bram" in ids(index.search("een klusje"))


def test_reasons_are_words_and_themes_never_numbers(index):
    hit = index.search("brieven en administratie")[0]
    assert isinstance(hit, Hit)
    assert hit.id == "ans"
    assert "administratie" in hit.matched_words
    assert "administratie en post" in hit.themes
    assert hit.reasons
    assert not any(ch.isdigit() for r in hit.reasons for ch in r)
    assert not hasattr(hit, "score")


def test_limits_switch_a_theme_off_for_that_person(index):
    found = ids(index.search("geldzorgen en schulden"))
    assert "hanna" not in found
    assert "gert" in found
    assert "els" not in ids(index.search("geldproblemen"))


def test_a_limit_within_what_someone_offers_is_a_nuance_not_a_refusal(index):
    # "geen banen garanderen" does not rule out help with finding work
    assert ids(index.search("ik zoek werk"))[0] == "ivo"


def test_a_broader_limit_rules_out_the_narrower_themes():
    idx = MatchIndex.build(
        [
            doc("a", lived="Ik stond jaren rood.", limits="Geen geldzaken."),
            doc("b", lived="Ik stond jaren rood."),
        ]
    )
    assert ids(idx.search("ik sta rood")) == ["b"]


def test_the_language_a_question_asks_for_ranks_higher():
    twins = MatchIndex.build(
        [
            Document("a", fields={"strengths": "Ik ga mee naar de schuldhulp."}, languages=("nl",)),
            Document("b", fields={"strengths": "Ik ga mee naar de schuldhulp."}, languages=("ar",)),
        ]
    )
    assert ids(twins.search("schulden")) == ["a", "b"]
    hits = twins.search("hulp bij schulden, arabisch gaat beter")
    assert hits[0].id == "b"
    assert ids(twins.search("I need help with debts"))[0] == "a"  # neither speaks English
    assert hits[0].id == "b"
    assert hits[0].languages == ["ar"]
    assert any("arabisch" in r.lower() for r in hits[0].reasons)


def test_not_right_now_removes_a_person(index):
    assert "fien" not in ids(index.search("schulden geldzorgen"))


def test_same_neighbourhood_ranks_slightly_higher():
    twins = MatchIndex.build(
        [
            doc("a", strengths="Ik kook graag.", place="Noord"),
            doc("b", strengths="Ik kook graag.", place="Zuid"),
        ]
    )
    assert ids(twins.search("koken", neighbourhood="Zuid")) == ["b", "a"]
    assert ids(twins.search("koken", neighbourhood="Noord")) == ["a", "b"]
    hit = twins.search("koken", neighbourhood="Zuid")[0]
    assert hit.same_neighbourhood


def test_allowed_ids_as_collection_and_callable(index):
    assert ids(index.search("schulden", allowed_ids={"gert"})) == ["gert"]
    assert "gert" not in ids(index.search("schulden", allowed_ids=lambda i: i != "gert"))
    assert index.search("schulden", allowed_ids=set()) == []


def test_upsert_and_remove_take_effect_at_once():
    idx = MatchIndex.build([doc("a", strengths="Ik kook graag.")])
    assert idx.search("duivensport") == []
    idx.upsert(doc("a", strengths="Ik doe aan duivensport."))
    idx.upsert(doc("b", strengths="Duivensport is mijn hobby."))
    assert set(ids(idx.search("duivensport"))) == {"a", "b"}
    assert idx.search("kook") == []
    idx.remove("a")
    idx.remove("does-not-exist")
    assert ids(idx.search("duivensport")) == ["b"]
    assert len(idx) == 1


def test_many_upserts_compact_the_index():
    idx = MatchIndex.build([doc(i, strengths="Ik kook graag.") for i in range(50)])
    for round_ in range(40):
        for i in range(50):
            idx.upsert(doc(i, strengths=f"Ik kook graag. Ronde {'x' * (round_ % 3)}"))
    assert len(idx._docs) < 50 * 40
    assert len(idx.search("koken", limit=100)) == 50


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", QueryStatus.EMPTY),
        ("   ", QueryStatus.EMPTY),
        (None, QueryStatus.EMPTY),
        ("😀🙏🏽", QueryStatus.NO_WORDS),
        ("?!...", QueryStatus.NO_WORDS),
        ("de het een en", QueryStatus.ONLY_COMMON_WORDS),
        ("hulp met post", QueryStatus.OK),
    ],
)
def test_bad_questions_get_a_status_and_a_message(index, text, status):
    check = analyse(text)
    assert check.status == status
    assert bool(check.message) == (status != QueryStatus.OK)
    assert index.search(text or "") == [] or status == QueryStatus.OK


def test_very_long_question_is_cut_and_still_searched(index):
    text = ("Ik zoek hulp met mijn administratie. " * 80)[:2000]
    check = analyse(text)
    assert check.status == QueryStatus.TOO_LONG
    assert check.can_search
    assert len(check.text) == 1000
    assert ids(index.search(text))[0] == "ans"


def test_messages_are_dutch(index, settings):
    from django.utils import translation

    with translation.override("nl"):
        assert "vraag" in analyse("").message.lower() or "typ" in analyse("").message.lower()


def test_empty_index_and_duplicate_ids():
    assert MatchIndex.build([]).search("post") == []
    with pytest.raises(ValueError, match="duplicate"):
        MatchIndex.build([doc("a"), doc("a")])


def test_everyday_words_in_a_question_count_less_than_rare_ones():
    """In a long question "werk" and "week" say less than the one word that matters."""
    index = MatchIndex.build(
        [
            doc("werk", strengths="Werk zoeken, elke week, thuis en op je werk."),
            doc("deurwaarder", strengths="Ik ga mee als de deurwaarder komt."),
        ]
    )
    question = "de deurwaarder komt deze week naar mijn werk"
    assert ids(index.search(question))[0] == "deurwaarder"


def test_elderly_are_not_parents():
    index = MatchIndex.build(
        [
            doc("opvoeding", strengths="Ik help ouders met de opvoeding."),
            doc("bezoek", strengths="Ik bezoek ouderen die alleen wonen."),
        ]
    )
    assert ids(index.search("ouderen"))[0] == "bezoek"
    assert "opvoeding" not in ids(index.search("ouderen"))
    assert ids(index.search("ouders"))[0] == "opvoeding"
