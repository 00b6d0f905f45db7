"""Nationality words ("vénézuélien", "Colombian") → the country they name, as normalised terms.

Babel has territory names but no demonyms, so the common ones are listed here, in French
(masculine singular; feminine and plural forms are derived) and English. Words that are mostly
something else are left out ("polish", "turkey", "china" as tableware, "indian" is kept: in
fact-checks it is nearly always India).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from app.text.normalize import LANGS, terms

# ISO code → (French masculine singular, English), alternatives separated by "|".
_DEMONYMS: dict[str, tuple[str, str]] = {
    "AF": ("afghan", "Afghan"),
    "AL": ("albanais", "Albanian"),
    "DZ": ("algérien", "Algerian"),
    "DE": ("allemand", "German"),
    "AO": ("angolais", "Angolan"),
    "SA": ("saoudien", "Saudi"),
    "AR": ("argentin", "Argentinian|Argentine"),
    "AM": ("arménien", "Armenian"),
    "AU": ("australien", "Australian"),
    "AT": ("autrichien", "Austrian"),
    "AZ": ("azerbaïdjanais", "Azerbaijani"),
    "BD": ("bangladais", "Bangladeshi"),
    "BE": ("belge", "Belgian"),
    "BY": ("biélorusse", "Belarusian"),
    "MM": ("birman", "Burmese"),
    "BO": ("bolivien", "Bolivian"),
    "BA": ("bosnien", "Bosnian"),
    "BR": ("brésilien", "Brazilian"),
    "GB": ("britannique|anglais", "British|English"),
    "BG": ("bulgare", "Bulgarian"),
    "BF": ("burkinabé", "Burkinabe"),
    "KH": ("cambodgien", "Cambodian"),
    "CM": ("camerounais", "Cameroonian"),
    "CA": ("canadien", "Canadian"),
    "CF": ("centrafricain", "Central African"),
    "CL": ("chilien", "Chilean"),
    "CN": ("chinois", "Chinese"),
    "CY": ("chypriote", "Cypriot"),
    "CO": ("colombien", "Colombian"),
    "CD": ("congolais", "Congolese"),
    "KP": ("nord-coréen", "North Korean"),
    "KR": ("sud-coréen", "South Korean"),
    "CI": ("ivoirien", "Ivorian"),
    "HR": ("croate", "Croatian"),
    "CU": ("cubain", "Cuban"),
    "DK": ("danois", "Danish"),
    "EG": ("égyptien", "Egyptian"),
    "AE": ("émirati", "Emirati"),
    "EC": ("équatorien", "Ecuadorian"),
    "ER": ("érythréen", "Eritrean"),
    "ES": ("espagnol", "Spanish"),
    "EE": ("estonien", "Estonian"),
    "US": ("américain|étasunien", "American"),
    "ET": ("éthiopien", "Ethiopian"),
    "FI": ("finlandais", "Finnish"),
    "FR": ("français", "French"),
    "GE": ("géorgien", ""),
    "GR": ("grec", "Greek"),
    "GT": ("guatémaltèque", "Guatemalan"),
    "GN": ("guinéen", "Guinean"),
    "HT": ("haïtien", "Haitian"),
    "HN": ("hondurien", "Honduran"),
    "HU": ("hongrois", "Hungarian"),
    "IN": ("indien", "Indian"),
    "ID": ("indonésien", "Indonesian"),
    "IQ": ("irakien", "Iraqi"),
    "IR": ("iranien", "Iranian"),
    "IE": ("irlandais", "Irish"),
    "IS": ("islandais", "Icelandic"),
    "IL": ("israélien", "Israeli"),
    "IT": ("italien", "Italian"),
    "JP": ("japonais", "Japanese"),
    "JO": ("jordanien", "Jordanian"),
    "KZ": ("kazakh", "Kazakh"),
    "KE": ("kényan", "Kenyan"),
    "KW": ("koweïtien", "Kuwaiti"),
    "LA": ("laotien", "Laotian"),
    "LV": ("letton", "Latvian"),
    "LB": ("libanais", "Lebanese"),
    "LY": ("libyen", "Libyan"),
    "LT": ("lituanien", "Lithuanian"),
    "LU": ("luxembourgeois", "Luxembourgish"),
    "MK": ("macédonien", "Macedonian"),
    "MY": ("malaisien", "Malaysian"),
    "ML": ("malien", "Malian"),
    "MG": ("malgache", "Malagasy"),
    "MT": ("maltais", "Maltese"),
    "MA": ("marocain", "Moroccan"),
    "MX": ("mexicain", "Mexican"),
    "MD": ("moldave", "Moldovan"),
    "MN": ("mongol", "Mongolian"),
    "MZ": ("mozambicain", "Mozambican"),
    "NP": ("népalais", "Nepalese|Nepali"),
    "NI": ("nicaraguayen", "Nicaraguan"),
    "NE": ("nigérien", ""),
    "NG": ("nigérian", "Nigerian"),
    "NO": ("norvégien", "Norwegian"),
    "NZ": ("néo-zélandais", "New Zealander"),
    "OM": ("omanais", "Omani"),
    "UG": ("ougandais", "Ugandan"),
    "PK": ("pakistanais", "Pakistani"),
    "PS": ("palestinien", "Palestinian"),
    "PA": ("panaméen", "Panamanian"),
    "PY": ("paraguayen", "Paraguayan"),
    "NL": ("néerlandais|hollandais", "Dutch"),
    "PE": ("péruvien", "Peruvian"),
    "PH": ("philippin", "Filipino|Philippine"),
    "PL": ("polonais", ""),
    "PT": ("portugais", "Portuguese"),
    "QA": ("qatari|qatarien", "Qatari"),
    "RO": ("roumain", "Romanian"),
    "RU": ("russe", "Russian"),
    "RW": ("rwandais", "Rwandan"),
    "SV": ("salvadorien", "Salvadoran"),
    "SN": ("sénégalais", "Senegalese"),
    "RS": ("serbe", "Serbian"),
    "SG": ("singapourien", "Singaporean"),
    "SK": ("slovaque", "Slovak"),
    "SI": ("slovène", "Slovenian"),
    "SO": ("somalien", "Somali|Somalian"),
    "SD": ("soudanais", "Sudanese"),
    "ZA": ("sud-africain", "South African"),
    "SE": ("suédois", "Swedish"),
    "CH": ("suisse", "Swiss"),
    "SY": ("syrien", "Syrian"),
    "TW": ("taïwanais", "Taiwanese"),
    "TZ": ("tanzanien", "Tanzanian"),
    "TD": ("tchadien", "Chadian"),
    "CZ": ("tchèque", "Czech"),
    "TH": ("thaïlandais", "Thai"),
    "TN": ("tunisien", "Tunisian"),
    "TR": ("turc", "Turkish"),
    "UA": ("ukrainien", "Ukrainian"),
    "UY": ("uruguayen", "Uruguayan"),
    "VE": ("vénézuélien", "Venezuelan"),
    "VN": ("vietnamien", "Vietnamese"),
    "YE": ("yéménite", "Yemeni"),
    "ZW": ("zimbabwéen", "Zimbabwean"),
}
MAX_DEMONYM_TERMS = 2


def _french_forms(word: str) -> list[str]:
    """Masculine singular → the four forms (vénézuélien → -ienne, -iens, -iennes)."""
    if word.endswith("e"):
        feminine = word
    elif word.endswith(("ien", "éen", "on")):
        feminine = word + "ne"
    else:
        feminine = word + "e"
    plural = word if word.endswith(("s", "x")) else word + "s"
    return [word, feminine, plural, feminine + "s"]


@lru_cache(maxsize=1)
def french_demonyms() -> dict[tuple[str, ...], str]:
    """Normalised French nationality word (a tuple of terms) → ISO country code."""
    return _table((code, _french_words(french)) for code, (french, _) in _DEMONYMS.items())


@lru_cache(maxsize=1)
def english_demonyms() -> dict[tuple[str, ...], str]:
    """Normalised English nationality word (a tuple of terms) → ISO country code."""
    return _table((code, english.split("|")) for code, (_, english) in _DEMONYMS.items())


def _french_words(french: str) -> list[str]:
    return [form for word in french.split("|") for form in _french_forms(word)]


def _table(entries: Iterable[tuple[str, list[str]]]) -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for code, words in entries:
        for word in filter(None, words):
            for lang in LANGS:
                key = tuple(terms(word, lang))
                if key and len(key) <= MAX_DEMONYM_TERMS:
                    table.setdefault(key, code)
                    if len(key) == 1 and key[0].endswith("s") and len(key[0]) > 4:
                        table.setdefault((key[0][:-1],), code)  # a plural the lemmas kept
    return table
