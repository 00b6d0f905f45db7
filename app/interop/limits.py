"""What the readers accept from an untrusted file: depth, size and encoding limits, one reason each.

A file to import, an edit batch or a batch of queries comes from anywhere. JSON nested
100,000 deep overflows Python's parser (RecursionError), one ``"\\ud800"`` escape decodes to a
lone surrogate that SQLite cannot store (UnicodeEncodeError), a 6 MB "claim" makes every later
match slow. Each is refused here as one bad record, with its reason, so the rest of the file
still reads.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.interop.records import BadRecord, ReviewRecord

# Deep enough for any real JSON-LD page (a DataFeed is about 6 levels); values nested deeper are
# never looked at (``iter_claimreviews`` stops there too).
MAX_JSON_DEPTH = 64
# One JSONL line, or one ClaimReview's JSON: real ones are a few kilobytes.
MAX_RECORD_CHARS = 1_000_000
# A claim, a title, a publisher: a claim is a sentence or two; a longer one is not a claim.
MAX_FIELD_CHARS = 20_000

_TEXT_FIELDS = (
    "claim_text",
    "title",
    "claimant",
    "claim_date",
    "review_url",
    "publisher",
    "publisher_site",
    "date_published",
    "textual_rating",
    "lang",
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A \uD800–\uDFFF escape: only JSON holding one can decode to a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class InputLimitError(ValueError):
    """A JSON value one of the limits refuses; ``str()`` is the one-line reason."""


def may_hold_surrogates(raw: str) -> bool:
    """Whether decoding the JSON text *raw* can produce a lone surrogate (a cheap scan)."""
    return _SURROGATE_ESCAPE.search(raw) is not None


def loads_record(raw: str) -> Any:
    """``json.loads`` of one record (a JSONL line), refusing what the limits refuse."""
    if len(raw) > MAX_RECORD_CHARS:
        raise InputLimitError(_too_long("record", len(raw), MAX_RECORD_CHARS))
    try:
        data = json.loads(raw)
    except RecursionError:
        raise InputLimitError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep") from None
    if may_hold_surrogates(raw):
        check_no_surrogates(data)
    return data


def loads_document(text: str) -> tuple[Any, str | None]:
    """``json.loads`` of a whole file; values nested too deep for Python are cut out (left as
    ``null``) so the rest still reads. Returns the data and a reason when something was cut."""
    try:
        return json.loads(text), None
    except RecursionError:
        pass
    pruned, cut, first = _prune_deep(text, MAX_JSON_DEPTH)
    reason = (
        f"{cut} value(s) nested more than {MAX_JSON_DEPTH} levels deep were left out (the first"
        f" at character {first})"
    )
    return json.loads(pruned), reason


def check_no_surrogates(data: Any) -> None:
    """InputLimitError when a string anywhere in *data* holds a lone surrogate."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                raise InputLimitError(_surrogate_reason(value))
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def checked_record(
    record: ReviewRecord | BadRecord, where: str, *, surrogates: bool = True
) -> ReviewRecord | BadRecord:
    """*record* (read at *where*: file and index), or a BadRecord when a field is too long or
    holds a lone surrogate. *surrogates*: False when the source cannot hold one (CSV), which
    skips that scan on the hot path."""
    if isinstance(record, BadRecord):
        return record
    for name in _TEXT_FIELDS:
        value = getattr(record, name)
        if not value:
            continue
        if len(value) > MAX_FIELD_CHARS:
            what = name.replace("_", " ")
            return BadRecord(where, _too_long(what, len(value), MAX_FIELD_CHARS))
        if surrogates and _LONE_SURROGATE.search(value):
            return BadRecord(where, _surrogate_reason(value))
    if record.jsonld is not None:
        if len(record.jsonld) > MAX_RECORD_CHARS:
            return BadRecord(where, _too_long("record", len(record.jsonld), MAX_RECORD_CHARS))
        if surrogates and _LONE_SURROGATE.search(record.jsonld):
            return BadRecord(where, _surrogate_reason(record.jsonld))
    return record


def _too_long(what: str, size: int, limit: int) -> str:
    return f"the {what} is too long ({size:,} characters; limit {limit:,})"


def _surrogate_reason(value: str) -> str:
    found = _LONE_SURROGATE.search(value)
    code = f"U+{ord(found.group()):04X}" if found else "?"
    return f"text with a lone surrogate ({code}, a broken \\u escape) cannot be stored"


def _prune_deep(text: str, limit: int) -> tuple[str, int, int]:
    """*text* with every value nested deeper than *limit* replaced by ``null``."""
    spans: list[tuple[int, int]] = []
    depth, cut_from, cut_depth = 0, -1, 0
    for token in _JSON_TOKEN.finditer(text):
        char = token.group()[0]
        if char == '"':
            continue
        if char in "[{":
            depth += 1
            if depth > limit and cut_from < 0:
                cut_from, cut_depth = token.start(), depth
        else:
            if cut_from >= 0 and depth == cut_depth:
                spans.append((cut_from, token.end()))
                cut_from = -1
            depth -= 1
    if cut_from >= 0:
        spans.append((cut_from, len(text)))
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append("null")
        last = end
    parts.append(text[last:])
    return "".join(parts), len(spans), spans[0][0] if spans else -1
