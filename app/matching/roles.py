"""Mirrored claims: the same words with the nationalities swapped between them.

"Bogota ordered Venezuelan diplomats to leave Colombia" and "Colombian diplomats had to leave
Venezuela" share every word and name the same two countries, yet say opposite things. What
differs is which nationality qualifies the shared noun. When a word both texts share is
qualified by a nationality in each, and never by the same one, the texts are about different
actors: a conflict, like differing numbers.

Only nationality words count (an adjective sits right next to its noun, stop words aside):
a country name after a noun is usually behind a preposition ("l'aide au Venezuela" is aid
*to* Venezuela), which normalised terms no longer show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.matching.demonyms import MAX_DEMONYM_TERMS, english_demonyms, french_demonyms

# (the shared word, the query's countries, the candidate's), ISO codes.
RoleDifference = tuple[str, tuple[str, ...], tuple[str, ...]]


def qualifiers(text_terms: Sequence[str]) -> dict[str, frozenset[str]]:
    """Each term a nationality word qualifies → those countries.

    French puts the nationality after its noun (diplomates vénézuéliens), English before it
    (Venezuelan diplomats). Numbers and other nationality words qualify nothing."""
    french, english = french_demonyms(), english_demonyms()
    spans: list[tuple[int, int, str, int]] = []  # start, end, code, the qualified term's index
    index = 0
    while index < len(text_terms):
        step = 1
        for size in range(MAX_DEMONYM_TERMS, 0, -1):
            key = tuple(text_terms[index : index + size])
            if key in french:
                spans.append((index, index + size, french[key], index - 1))
            if key in english:
                spans.append((index, index + size, english[key], index + size))
            if key in french or key in english:
                step = size
                break
        index += step
    inside = {i for start, end, _, _ in spans for i in range(start, end)}
    found: dict[str, set[str]] = {}
    for _, _, code, target in spans:
        if 0 <= target < len(text_terms) and target not in inside:
            term = text_terms[target]
            if not term[0].isdigit():
                found.setdefault(term, set()).add(code)
    return {term: frozenset(codes) for term, codes in found.items()}


def role_differences(
    query: Mapping[str, frozenset[str]], candidate_terms: Sequence[str]
) -> tuple[RoleDifference, ...]:
    """The words *query* (from ``qualifiers``) and the candidate both qualify by a
    nationality, never by the same one: (word, the query's countries, the candidate's)."""
    if not query:
        return ()
    candidate = qualifiers(candidate_terms)
    return tuple(
        (term, tuple(sorted(codes)), tuple(sorted(candidate[term])))
        for term, codes in sorted(query.items())
        if term in candidate and not (codes & candidate[term])
    )


def role_conflict(query_terms: Sequence[str], candidate_terms: Sequence[str]) -> bool:
    """A shared word qualified by a nationality on both sides, never by the same one."""
    return bool(role_differences(qualifiers(query_terms), candidate_terms))
