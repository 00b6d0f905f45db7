"""French participles simplemma's dictionary keeps as adjectives, mapped to their verb."""

from __future__ import annotations

from collections.abc import Mapping

# French participles simplemma keeps as adjectives ("rompu", "élu", "ouvert"): the verb, so
# "a rompu" meets "rompre". Irregular ones by table; regular -é/-i by trying -er/-ir in the
# dictionary, except nouns common in the news that would then meet an unrelated verb.
_FR_PARTICIPLES = {
    "rompu": "rompre", "corrompu": "corrompre", "interrompu": "interrompre", "élu": "élire",
    "réélu": "réélire", "ouvert": "ouvrir", "rouvert": "rouvrir", "découvert": "découvrir",
    "couvert": "couvrir", "offert": "offrir", "souffert": "souffrir", "mort": "mourir",
    "produit": "produire", "joint": "joindre", "écrit": "écrire", "inscrit": "inscrire",
    "décrit": "décrire", "prescrit": "prescrire", "permis": "permettre", "rendu": "rendre",
    "défendu": "défendre", "suspendu": "suspendre", "fondu": "fondre", "résolu": "résoudre",
    "acquis": "acquérir", "conquis": "conquérir", "conclu": "conclure", "exclu": "exclure",
    "inclus": "inclure", "vaincu": "vaincre", "convaincu": "convaincre", "détenu": "détenir",
    "convenu": "convenir", "couru": "courir", "déchu": "déchoir", "pris": "prendre",
    "mis": "mettre", "dit": "dire", "fait": "faire", "reçu": "recevoir", "vu": "voir",
    "venu": "venir", "tenu": "tenir", "né": "naître", "eu": "avoir", "pu": "pouvoir",
    "dû": "devoir", "su": "savoir", "voulu": "vouloir", "détruit": "détruire",
    "construit": "construire", "conduit": "conduire", "atteint": "atteindre",
    "craint": "craindre", "peint": "peindre", "promis": "promettre", "admis": "admettre",
    "soumis": "soumettre", "interdit": "interdire", "battu": "battre", "perdu": "perdre",
    "vendu": "vendre", "entendu": "entendre", "attendu": "attendre",
}  # fmt: skip
_FR_NOT_PARTICIPLES = frozenset(
    {
        "marché",
        "parti",
        "député",
        "traité",
        "procédé",
        "résumé",
        "pavé",
        "curé",
        "comité",
        "côté",
        "fossé",
    }
)
_FR_REGULAR = (("é", "er"), ("i", "ir"))


def infinitive(lemma: str, forms: Mapping[str, str]) -> str:
    """The verb of a French participle lemma (any case, accented); *lemma* if it is none."""
    word = lemma.casefold()
    verb = _FR_PARTICIPLES.get(word)
    if verb is not None:
        return verb
    if word in _FR_NOT_PARTICIPLES or len(word) < 4:
        return lemma
    for ending, verb_ending in _FR_REGULAR:
        if word.endswith(ending):
            candidate = word[: -len(ending)] + verb_ending
            if forms.get(candidate) == candidate:
                return candidate
    return lemma
