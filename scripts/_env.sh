# Shared by scripts/serve and scripts/test: create or refresh the project's virtual environment.
# Usage: source scripts/_env.sh [extras]   (extras: "" for serving, "test" for the test suite)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ANKLEKG_VENV:-$ROOT/.venv}"
EXTRAS="${1:-}"
PYTHON="${PYTHON:-python3}"

if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "AnkleKG needs Python 3.11 or newer as '$PYTHON' (found: $("$PYTHON" --version 2>&1 || echo none))." >&2
  echo "Install it, or point PYTHON at one: PYTHON=python3.12 $0" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating the virtual environment in $VENV ..." >&2
  "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when the dependency list or the requested extras changed.
want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-${EXTRAS:-base}"
stamp="$VENV/.anklekg-installed"
have=""
[ -f "$stamp" ] && have="$(cat "$stamp")"
case " $have " in
  *" $want "*) ;;
  *)
    echo "Installing AnkleKG${EXTRAS:+ with [$EXTRAS]} into $VENV ..." >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT${EXTRAS:+[$EXTRAS]}" >&2
    # Installing [test] also satisfies a plain serve; remember both.
    if [ -n "$EXTRAS" ]; then echo "$want ${want%-*}-base" > "$stamp"; else echo "$want $have" > "$stamp"; fi
    ;;
esac
export PATH="$VENV/bin:$PATH"
