"""A small French–English lexicon of fact-check words, to explain a match across languages.

The semantic channel finds "Le vaccin modifie l'ADN" for "The vaccine alters DNA"; this says
which words correspond (vaccin ↔ vaccine, ADN ↔ DNA), so the checker sees why. Names and
numbers that both texts share are told by the lexical evidence already. Words are normalised
the way the index normalises them (lemmas, folded), once, on first use.
"""

from __future__ import annotations

from functools import cache

from app.text.normalize import Token, terms

# (French, English): the vocabulary of claims and their checks, politics, health, figures.
PAIRS = """
vaccin vaccine|vacciner vaccinate|virus virus|maladie disease|malade sick|mort death|mourir die
décès death|tuer kill|hôpital hospital|médecin doctor|santé health|masque mask|épidémie epidemic
pandémie pandemic|confinement lockdown|cancer cancer|médicament drug|traitement treatment
guérir cure|enfant child|femme woman|homme man|gens people|population population|habitant resident
pays country|monde world|ville city|gouvernement government|président president|ministre minister
élection election|vote vote|voter vote|candidat candidate|parti party|loi law|interdire ban
impôt tax|taxe tax|salaire wage|emploi job|chômage unemployment|travail work|travailleur worker
prix price|argent money|dette debt|budget budget|milliard billion|million million|euro euro
dollar dollar|pourcentage percent|hausse increase|augmenter increase|baisse decrease|baisser cut
doubler double|record record|année year|jour day|mois month|semaine week|siècle century
guerre war|armée army|soldat soldier|police police|policier officer|prison prison|crime crime
attaque attack|attentat attack|arme weapon|bombe bomb|réfugié refugee|migrant migrant
immigré immigrant|immigration immigration|frontière border|mur wall|école school|élève student
université university|église church|mosquée mosque|musulman muslim|chrétien christian|juif jewish
photo photo|vidéo video|image picture|article article|journal newspaper|télévision television
faux false|vrai true|trompeur misleading|rumeur rumour|mensonge lie|mentir lie|preuve evidence
étude study|scientifique scientist|chercheur researcher|rapport report|chiffre figure
eau water|feu fire|incendie fire|climat climate|réchauffement warming|température temperature
pollution pollution|énergie energy|électricité electricity|pétrole oil|voiture car|avion plane
train train|route road|pont bridge|maison house|logement housing|terre land|mer sea|forêt forest
requin shark|chien dog|chat cat|animal animal|oiseau bird|nourriture food|manger eat
aide aid|humanitaire humanitarian|tonne ton|camion truck|bateau boat|navire ship
quitter leave|sortir exit|retirer withdraw|annoncer announce|déclarer declare|affirmer claim
signer sign|accord agreement|traité treaty|sommet summit|union union|européen european
organisation organization|mondial world|nation nation|unies united|assemblée assembly
parlement parliament|sénat senate|député deputy|maire mayor|juge judge|tribunal court
condamner convict|arrêter arrest|voler steal|vol theft|fraude fraud|corruption corruption
réseau network|social social|internet internet|téléphone phone|ordinateur computer
nucléaire nuclear|chimique chemical|toxique toxic|poison poison|sang blood|cerveau brain
cœur heart|naissance birth|mariage marriage|famille family|retraite pension|retraité pensioner
pauvre poor|pauvreté poverty|riche rich|richesse wealth|banque bank|entreprise company
usine factory|agriculteur farmer|grève strike|manifestation protest|manifestant protester
"""


@cache
def _lexicon() -> dict[tuple[str, str], frozenset[str]]:
    """(term, its language) → the other language's terms for it."""
    found: dict[tuple[str, str], set[str]] = {}
    for pair in PAIRS.replace("\n", "|").split("|"):
        words = pair.split()
        if len(words) != 2:
            continue
        fr = terms(words[0], "fr")
        en = terms(words[1], "en")
        if len(fr) != 1 or len(en) != 1:
            continue  # a stop word, or a word the normaliser splits
        found.setdefault((fr[0], "fr"), set()).add(en[0])
        found.setdefault((en[0], "en"), set()).add(fr[0])
    return {key: frozenset(value) for key, value in found.items()}


def corresponding(
    query: tuple[str, list[Token]],
    query_lang: str,
    candidate: tuple[str, list[Token]],
    candidate_lang: str,
) -> tuple[tuple[str, str], ...]:
    """(query word, candidate word) pairs, as written, that translate each other."""
    if query_lang == candidate_lang or {query_lang, candidate_lang} != {"fr", "en"}:
        return ()
    lexicon = _lexicon()
    written: dict[str, str] = {}
    for token in candidate[1]:
        written.setdefault(token.term, candidate[0][token.start : token.end])
    pairs: dict[str, tuple[str, str]] = {}
    for token in query[1]:
        for other in sorted(lexicon.get((token.term, query_lang), ())):
            if other in written and token.term not in pairs:
                pairs[token.term] = (query[0][token.start : token.end], written[other])
    return tuple(pairs.values())


__all__ = ["PAIRS", "corresponding"]
