"""The main window's parts, composed by ``ui.main_window``: layout, state, status bar,
the search for earlier checks and the edit commands."""
