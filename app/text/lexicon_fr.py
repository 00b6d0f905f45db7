"""French word lists for claim detection: attribution verbs, units, dates, framing words.

Regular-expression fragments, matched case-insensitively; accents are optional where news
copy often drops them on capitals (``Etat``). Written by us for Crible.
"""

from __future__ import annotations

# Past participles and presents that report speech: "a déclaré", "a-t-il tweeté", "affirme".
SPEECH_PARTICIPLES = (
    r"d[ée]clar[ée]|affirm[ée]|annonc[ée]|assur[ée]|indiqu[ée]|pr[ée]cis[ée]|expliqu[ée]|"
    r"estim[ée]|soulign[ée]|ajout[ée]|tweet[ée]|twitt[ée]|[ée]crit|dit|lanc[ée]|d[ée]nonc[ée]|"
    r"qualifi[ée]|accus[ée]|reconnu|confirm[ée]|d[ée]menti|promis|pr[ée]venu|martel[ée]|"
    r"averti|rappel[ée]|insist[ée]|r[ée]p[ée]t[ée]|jug[ée]|confi[ée]|racont[ée]|r[ée]v[ée]l[ée]|"
    r"publi[ée]|post[ée]|r[ée]agi|r[ée]pondu|assen[ée]|ass[ée]n[ée]|fait savoir|soutenu|"
    r"pr[ée]tendu|all[ée]gu[ée]|menac[ée]|exig[ée]|demand[ée]|[ée]voqu[ée]|cit[ée]|admis"
)
SPEECH_PRESENTS = (
    r"d[ée]clare|affirme|annonce|assure|indique|pr[ée]cise|explique|estime|souligne|ajoute|"
    r"tweete|[ée]crit|dit|lance|d[ée]nonce|confirme|d[ée]ment|pr[ée]vient|martèle|avertit|"
    r"rappelle|insiste|juge|raconte|r[ée]v[èe]le|s'interroge|s'insurge|pr[ée]tend|soutient"
)
AUXILIARIES = r"a|ont|avait|avaient|aurait|auraient|aura|auront"
PRONOUNS = r"il|elle|ils|elles|on"
# "selon X", "d'après X": the source follows the marker.
SOURCE_MARKERS = r"selon|d'apr[èe]s|d’apr[èe]s|aux dires d[e']|de l'avis d[e']|cit[ée] par"
# Unnamed sourcing ("selon plusieurs sources", "selon nos informations"): no one to quote.
# Words that may open the phrase, then the noun that makes it anonymous.
ANONYMOUS_OPENERS = (
    "de des d du une un la le les l nos notre leurs leur plusieurs certaines certains diverses "
    "divers quelques deux trois quatre cinq nombreuses nombreux bonnes bonne autres différentes "
    "différents mêmes bien informées informés"
)
ANONYMOUS_HEADS = (
    "source sources témoin témoins information informations informateur informateurs proche "
    "proches interlocuteur interlocuteurs rumeur rumeurs bruits médias observateurs"
)

# Words before a name that make it a person.
PERSON_TITLES = (
    r"pr[ée]sident|pr[ée]sidente|ministre|secr[ée]taire(?: d'[ÉEée]tat| g[ée]n[ée]ral)?|chef|"
    r"porte-parole|d[ée]put[ée]e?|s[ée]nat(?:eur|rice)|maire|g[ée]n[ée]ral|ambassadeur|"
    r"ambassadrice|dirigeant|dirigeante|leader|opposant|opposante|ministre|premier ministre|"
    r"directeur|directrice|patron|patronne|juge|procureur|procureure|avocat|avocate|"
    r"professeur|professeure|docteur|chanteur|chanteuse|acteur|actrice|journaliste|"
    r"candidat|candidate|chancelier|chancelière|roi|reine|pape|conseill[eè]re?|[ée]lue?|"
    r"militante?|expert|experte|[ée]conomiste|chercheur|chercheuse|analyste|responsable|"
    r"syndicaliste|commissaire|pr[ée]f[eè]te?|gouverneur|[ée]v[êe]que|pdg|"
    r"m\.|mme|mlle|mm\.|dr|pr"
)

UNITS = (
    # "300 millions d'euros": the scale and its unit make one quantity (longest first).
    r"(?:millions?|milliards?|milliers)\s+d(?:e\s+|['’])(?:euros|dollars|francs|personnes|"
    r"habitants|tonnes|barils|litres|voix|emplois|r[ée]fugi[ée]s|morts)|"
    r"%|pour ?cent|points?|€|euros?|dollars?|\$|livres?|francs?|bolivars?|roubles?|"
    r"t|tonnes?|kg|kilos?|kilogrammes?|g|grammes?|km|kilomètres?|m|mètres?|cm|mm|ha|hectares?|"
    r"km2|m2|m²|km²|l|litres?|barils?|mw|gw|kwh|twh|°c?|degrés?|"
    r"h|heures?|min|minutes?|s|secondes?|jours?|semaines?|mois|ans?|années?|siècles?|"
    r"habitants?|personnes?|morts?|victimes?|blessés?|manifestants?|soldats?|militaires?|"
    r"emplois?|chômeurs?|voix|sièges?|élèves?|patients?|cas|décès|réfugiés?|migrants?|"
    r"fois|millions?|milliards?|mille"
)
NUMBER_WORDS = (
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingts?|trente|quarante|"
    r"cinquante|soixante|cent|cents|mille|dizaines?|douzaines?|centaines?|milliers?|millions?|"
    r"milliards?"
)
# What may follow a hyphen inside one spelled-out number: "vingt-quatre", "trente-et-un",
# "quatre-vingt-dix", "deux-cents", "dix-sept".
NUMBER_PARTS = (
    r"et|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|millions?|milliards?"
)
VAGUE_QUANTITIES = (
    r"plusieurs|de nombreux|de nombreuses|nombre de|la plupart d[e']|la majorité d[e']"
)

MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|janv\.|f[ée]vr\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\."
)
DAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
RELATIVE_TIME = (
    r"hier|avant-hier|aujourd'hui|aujourd’hui|demain|ce matin|ce soir|cette semaine|"
    r"la semaine (?:derni[èe]re|pass[ée]e|[ée]coul[ée]e|prochaine)|le mois (?:dernier|prochain)|"
    r"l'an (?:dernier|pass[ée]|prochain)|l'ann[ée]e (?:derni[èe]re|pass[ée]e|prochaine)|"
    r"(?:dans|depuis|pendant|durant|sous|en) (?:les |des )?(?:(?:plusieurs|quelques|prochains|"
    r"derniers) )?(?:jours|semaines|mois|ann[ée]es|heures)|d[èe]s le d[ée]but"
)

COMPARISONS = (
    r"plus (?:de|d'|que|qu')|moins (?:de|d'|que|qu')|autant (?:de|que)|davantage|"
    r"le plus|la plus|les plus|le moins|(?:son|sa|ses|leur|leurs) (?:plus|moins)|"
    r"la moins|les moins|record|jamais vu|sans pr[ée]c[ée]dent|"
    r"premi[èe]re? fois|deux fois plus|deux fois moins|hausse|baisse|augment[ée]|diminu[ée]|"
    r"doubl[ée]|tripl[ée]|progress[ée]|recul[ée]|meilleur|pire|sup[ée]rieur|inf[ée]rieur"
)
CAUSALS = (
    r"parce que|parce qu'|à cause d[eu']|en raison d[eu']|grâce à|du fait d[eu']|provoqu[ée]|"
    r"caus[ée]|entraîn[ée]|d[ûu] à|due à|dus à|responsable d[eu']|conduit à|men[ée] à|"
    r"faisant|ce qui a|si bien que|donc|c'est pourquoi|suite à|à la suite d[eu']"
)
PREDICTIONS = (
    r"(?:va|vont|allait|allaient) (?:\w+ )?[a-zéèêàâîôûç]+(?:er|ir|re)\b|devrait|devraient|"
    r"pourrait|pourraient|prochains? jours|prochaines? semaines|d'ici (?:à )?\d{4}|"
    r"pr[ée]voit|pr[ée]voient|pr[ée]vision|menace de|risque de|\w+eront\b|\w+era\b|\w+iront\b"
)
OPINION_MARKERS = (
    r"je pense|je crois|à mon avis|selon moi|il faut|il faudrait|nous devons|on doit|j'esp[èe]re|"
    r"je souhaite|j'aime|je veux|merci|bravo|honte|hélas"
)

# Framing and loaded words: they signal opinion or bias, not a checkable fact.
LOADED = (
    r"l[ée]gitimes?|ill[ée]gitimes?|l[ée]gal|fascistes?|brutes?|r[ée]gimes?|dictat(?:eur|rice|ure)s?|"
    r"tyran(?:s|nie)?|terroristes?|putschistes?|putsch|autoproclam[ée]e?s?|pr[ée]tendue?s?|"
    r"soi-disant|pr[ée]sum[ée]e?s?|d[ée]guis[ée]e?|ing[ée]rence|propagande|mensonges?|"
    r"scandaleu(?:x|se)|honteu(?:x|se)|inadmissibles?|criminels?|voyous?|fantoches?|"
    r"marionnettes?|laquais|traîtres?|h[ée]ro[ïi]ques?|d[ée]sesp[ée]r[ée]e?s?|catastrophiques?|"
    r"diaboliques?|barbares?|extr[ée]mistes?|radicaux|islamo-gauchistes?|complotistes?|"
    r"ultra-\w+|prétendument|tristement c[ée]l[èe]bres?"
)
# Nouns a framing adjective qualifies: "président légitime" is flagged as a phrase.
FRAMED_NOUNS = (
    r"pr[ée]sident|pr[ée]sidente|gouvernement|r[ée]gime|pouvoir|dirigeant|chef|leader|"
    r"autorit[ée]s|[ée]lections?|arm[ée]e|forces|convois|aide|intervention|tentative|ing[ée]rence"
)

# Capitalised words that open sentences without being names ("Samedi, des milliers…").
COMMON_CAPS = (
    "a à au aux ainsi alors après aucun aujourd aussi avant c ce ceci cela celui cependant "
    "certains ces cet cette chaque comme comment d dans de depuis des dès donc du elle elles "
    "en enfin ensuite entre et il ils j je jusqu l la le les leur lors lorsque mais malgré "
    "même n ne ni nous on or par parce pendant plus plusieurs pour pourtant puis qu quand que "
    "quel quelle quelques qui s sa sans se selon ses si son sous sur toutefois tous tout toute "
    "toutes tu un une vous voilà y est-ce qu'est-ce maintenant désormais hier demain mme m "
    "etat état "
    "lundi mardi mercredi jeudi vendredi samedi dimanche deux trois quatre cinq six "
    "sept huit neuf dix vingt trente quarante cinquante cent mille"
)
# Institutions that head a longer name: "président du Parlement Juan Guaido" names two things.
INSTITUTIONS = "Parlement Assemblée Sénat Congrès Conseil Cour Gouvernement Ministère"

# A reported past event ("a annoncé", "ont été déployées") is checkable; a plan is less so.
PAST = (
    r"(?:a|ont|avait|avaient|aurait|est|sont|était|étaient|fut|furent)\s+(?:\w+\s+)?"
    r"(?:été\s+)?\w+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|it|ert|int)"
)
FIRST_PERSON = r"je|j'|j’|nous|moi|mon|ma|mes|notre|nos"
