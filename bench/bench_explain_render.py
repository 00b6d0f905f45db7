"""Cost of composing a match's explanation in the window's language (GUI thread, per click).

    .venv/bin/python bench/bench_explain_render.py [--language fr|en] [--renders N]

Matches a demo query against the demo archive (no shared data needed), then renders the
earlier-checks pane's HTML N times: figures written the French way, country names from
Babel in the UI language, shared words from the query's spans. Prints wall and CPU time per
render and the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERY = "Il a assuré que 300 tonnes d'aide humanitaire envoyées par la Russie arriveraient."


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--language", default="fr", choices=("fr", "en"))
    parser.add_argument("--renders", type=int, default=2000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from app.matching import Matcher
    from app.seeds import load_demo
    from app.storage import open_archive
    from ui.i18n import install_translator
    from ui.models.explain import explanation_html

    app = QApplication([sys.argv[0]])
    install_translator(app, args.language)
    with tempfile.TemporaryDirectory() as folder:
        db = open_archive(Path(folder) / "archive.db")
        load_demo(db)
        matches = Matcher(db).match(QUERY)
        db.close()
    if not matches:
        print("no match in the demo archive", file=sys.stderr)
        return 1
    explanation_html(QUERY, matches[0])  # first use loads Babel's locale data
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.renders):
        for match in matches:
            explanation_html(QUERY, match)
    count = args.renders * len(matches)
    wall_ms = (time.perf_counter() - wall) / count * 1000
    cpu_ms = (time.process_time() - cpu) / count * 1000
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.language}: {count} renders, wall {wall_ms:.3f} ms, CPU {cpu_ms:.3f} ms each")
    print(f"load average: {load}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
