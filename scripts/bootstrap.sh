# Shared by ./run-crible and ./run-tests: find Python, make the venv, install Qt's system libraries.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CRIBLE_VENV:-$ROOT/.venv}"

# Libraries PySide6 needs even offscreen, then those for a real X display (see README).
QT_OFFSCREEN_PACKAGES="libglib2.0-0 libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
# The team-sync tests start a throwaway PostgreSQL cluster (initdb/pg_ctl): never skipped in CI.
POSTGRES_TEST_PACKAGES="postgresql"
QT_DISPLAY_PACKAGES="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0"

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "crible: Python 3.11 or newer is needed (apt install python3 python3-venv)" >&2
    return 1
}

# Install the Debian packages among "$@" that are missing, with sudo unless already root.
ensure_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "crible: installing system packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Create the project's own virtual environment on first use; reinstall when pyproject changes.
ensure_venv() {
    local extras="$1" python stamp
    python="$(find_python)" || return 1
    if [ ! -x "$VENV/bin/python" ]; then
        echo "crible: creating the virtual environment in $VENV" >&2
        "$python" -m venv "$VENV" || {
            echo "crible: python3 -m venv failed (apt install python3-venv)" >&2
            return 1
        }
    fi
    stamp="$VENV/.crible-installed-$extras"
    # A venv copied or half-installed (no `crible` script) is completed as well.
    if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ] || [ ! -x "$VENV/bin/crible" ]; then
        echo "crible: installing Crible and its dependencies into $VENV" >&2
        "$VENV/bin/python" -m pip install -q --upgrade pip &&
            "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]" &&
            touch "$stamp"
    fi
}
