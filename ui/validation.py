"""What the window checks in the checker's typing before it is stored: web links and dates."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

# A claim's date may be known only to the year or the month (ISO 8601 reduced precision).
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def is_http_url(text: str) -> bool:
    """True for an absolute http(s) URL with a host and no blanks."""
    text = text.strip()
    if not text or any(ch.isspace() for ch in text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def is_valid_date(text: str) -> bool:
    """True for "", "YYYY", "YYYY-MM" and real "YYYY-MM-DD" dates."""
    text = text.strip()
    if not text:
        return True
    if not _PARTIAL_DATE.match(text):
        return False
    padded = text + "-01" * (2 - text.count("-"))
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True
