#!/bin/bash
# Refresh every screenshot of the README: seven in English, one in French.
#
#     docs/screenshots/make_all.sh [SEED_ARTICLE]
#
# Each is taken on a fresh demo archive with fresh settings (no stored language: the
# LANG/LANGUAGE below choose it), offscreen. SEED_ARTICLE defaults to the shared seed
# article, ../shared/seeds/venezuela-2019-fr.txt; without it that screenshot is skipped.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SEED="${1:-$ROOT/../shared/seeds/venezuela-2019-fr.txt}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$WORK/data"
crible() { .venv/bin/python -m app "$@" 2>/dev/null; }

export LANG=C.UTF-8 LANGUAGE= LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$WORK/settings-en"
crible --db "$WORK/demo.db" gui --screenshot docs/screenshots/demo.png
if [ -f "$SEED" ]; then
    crible --db "$WORK/seed.db" gui "$SEED" --screenshot docs/screenshots/seed-article.png
    # The mirrored claim: the same words, the nationalities swapped (at most related).
    crible --db "$WORK/seed.db" gui "$SEED" --claim 10 --screenshot docs/screenshots/mirrored-claim.png
fi
.venv/bin/python docs/screenshots/make_worked_claim.py docs/screenshots/worked-claim.png 2>/dev/null
# The publishing views: publish checklist, Articles, Past work (archive search).
.venv/bin/python docs/screenshots/make_publish_views.py docs/screenshots >/dev/null 2>&1

# French: the claim about Russian aid, whose earlier check agrees on figures and places.
export LANG=fr_FR.UTF-8 LANGUAGE=fr LC_ALL= XDG_CONFIG_HOME="$WORK/settings-fr"
crible --db "$WORK/demo-fr.db" gui --claim 12 --screenshot docs/screenshots/demo-fr.png
ls -l docs/screenshots/*.png
