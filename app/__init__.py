"""Crible's Qt-free core: domain, storage, text processing, matching, interop, secrets."""

__version__ = "0.1.0"
