"""Crible's desktop window (PySide6); it reaches the core only through ``app``."""
