"""Sentence splitting: the French and English traps of a news article, and exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.text.segment import split_sentences


def sentences(text: str, lang: str = "fr") -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Dupont est arrivé. Mme Durand aussi.",
            ["M. Dupont est arrivé.", "Mme Durand aussi."],
        ),
        (
            "MM. Martin et Petit ont voté contre. Le Dr. Morel a soigné 12 patients.",
            ["MM. Martin et Petit ont voté contre.", "Le Dr. Morel a soigné 12 patients."],
        ),
        (
            "Le sommet aura lieu le 12 janv. 2024 à Lyon. Il durera deux jours.",
            ["Le sommet aura lieu le 12 janv. 2024 à Lyon.", "Il durera deux jours."],
        ),
        (
            "Ils vendent des pommes, des poires, etc. et du cidre. Tout est local.",
            ["Ils vendent des pommes, des poires, etc. et du cidre.", "Tout est local."],
        ),
        (
            "Ils vendent des pommes, des poires, etc. Le marché ouvre à 8 h.",
            ["Ils vendent des pommes, des poires, etc.", "Le marché ouvre à 8 h."],
        ),
        (
            "Le port a reçu 300 t de blé. La cargaison a mis 24 h à décharger.",
            ["Le port a reçu 300 t de blé.", "La cargaison a mis 24 h à décharger."],
        ),
        (
            "La réunion commence à 14 h 30. Elle réunit 1 000 000 de membres, soit 1.200 sections.",
            [
                "La réunion commence à 14 h 30.",
                "Elle réunit 1 000 000 de membres, soit 1.200 sections.",
            ],
        ),
        (
            "« Qui dit vrai ? » s'interroge le journal. Personne ne répond.",
            ["« Qui dit vrai ? » s'interroge le journal.", "Personne ne répond."],
        ),
        (
            "« C'est une honte ! », a lancé la maire. La séance a été levée.",
            ["« C'est une honte ! », a lancé la maire.", "La séance a été levée."],
        ),
        (
            "“Où va l'argent ?” demande le député. Le ministre se tait.",
            ["“Où va l'argent ?” demande le député.", "Le ministre se tait."],
        ),
        (
            "Il a conclu : « Nous gagnerons. » Puis il est parti.",
            ["Il a conclu : « Nous gagnerons. »", "Puis il est parti."],
        ),
        (
            "Les troupes ont quitté la ville hier soir. P. R./Agences",
            ["Les troupes ont quitté la ville hier soir.", "P. R./Agences"],
        ),
        (
            "Le texte cite les U.S.A. comme exemple. Ils ne sont pas seuls.",
            ["Le texte cite les U.S.A. comme exemple.", "Ils ne sont pas seuls."],
        ),
        (
            "La croissance a atteint 2.5 % en mars. Elle ralentit ensuite.",
            ["La croissance a atteint 2.5 % en mars.", "Elle ralentit ensuite."],
        ),
    ],
)
def test_french_traps(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le Pr. Martin a opéré 40 patients. Il est épuisé.",
            ["Le Pr. Martin a opéré 40 patients.", "Il est épuisé."],
        ),
        (
            "La cité fut fondée au VIIIe siècle av. J.-C. par des colons. Elle prospéra.",
            ["La cité fut fondée au VIIIe siècle av. J.-C. par des colons.", "Elle prospéra."],
        ),
        (
            "Il a voté pour Jean-Marie M. Le Pen. Le scrutin est clos.",
            ["Il a voté pour Jean-Marie M. Le Pen.", "Le scrutin est clos."],
        ),
        (
            "Ce fruit contient de la vitamine C. Il en faut peu.",
            ["Ce fruit contient de la vitamine C.", "Il en faut peu."],
        ),
        (
            "1. Le budget augmente.\n2. Les impôts baissent.",
            ["1. Le budget augmente.", "2. Les impôts baissent."],
        ),
    ],
)
def test_more_french_traps(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met officials in the U.S. Army base. He left at 9 a.m. on Monday.",
            ["Mr. Smith met officials in the U.S. Army base.", "He left at 9 a.m. on Monday."],
        ),
        (
            "The talks moved to the U.S. The president agreed.",
            ["The talks moved to the U.S.", "The president agreed."],
        ),
        (
            "Inflation hit 3.7 percent. Dr. Jones disagreed, according to J. K. Rowling.",
            ["Inflation hit 3.7 percent.", "Dr. Jones disagreed, according to J. K. Rowling."],
        ),
        (
            "See No. 5 and e.g. the annex, p. 12. It is clear.",
            ["See No. 5 and e.g. the annex, p. 12.", "It is clear."],
        ),
        (
            'He asked: "Is it true?" Nobody knew.',
            ['He asked: "Is it true?"', "Nobody knew."],
        ),
    ],
)
def test_english_traps(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_a_quotation_followed_by_its_attribution_stays_one_sentence() -> None:
    text = (
        '"Nous agirons contre ceux qui bloquent l\'aide. Le moment est venu", '
        "a tweeté le ministre. Il était à Rome."
    )
    assert sentences(text) == [
        '"Nous agirons contre ceux qui bloquent l\'aide. Le moment est venu", '
        "a tweeté le ministre.",
        "Il était à Rome.",
    ]


def test_lines_without_punctuation_are_sentences_but_wrapped_prose_is_joined() -> None:
    text = "Grand titre sans point\nLe premier paragraphe commence ici.\n\nUn autre."
    assert sentences(text) == [
        "Grand titre sans point",
        "Le premier paragraphe commence ici.",
        "Un autre.",
    ]
    wrapped = "Le conseil a voté une\nsubvention de 3 000 euros\npour la bibliothèque du\nquartier."
    assert sentences(wrapped) == [wrapped]


def test_offsets_are_exact_and_trimmed() -> None:
    text = "  Premier point.   Deuxième point !\n\n  Troisième ?  "
    spans = split_sentences(text, "fr")
    assert [text[s:e] for s, e in spans] == ["Premier point.", "Deuxième point !", "Troisième ?"]
    assert spans[0] == (2, 16)


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("", "fr") == []
    assert split_sentences(" \n\n \t", "fr") == []


@given(st.text(alphabet=st.sampled_from(list("ab .!?«»\"'\nMU")), max_size=200))
def test_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text, "fr"):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
