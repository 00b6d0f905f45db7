"""The window's dialogs: each asks the checker something and returns the answer."""
