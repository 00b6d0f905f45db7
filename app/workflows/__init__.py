"""What the checker does, once for the window and the command line alike.

Each workflow is a plain function ``fn(db, progress, ...)`` over an open archive and a
Qt-free ``Progress`` (``app.workflows.progress``): the window runs it in a worker thread
(``ui.jobs``), the CLI in the foreground with ``NO_PROGRESS``. Neither side re-implements
what "open an article", "match its claims" or "export it" means.
"""
