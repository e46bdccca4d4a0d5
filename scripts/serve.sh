#!/usr/bin/env bash
# Builds the app and serves dist/ on http://127.0.0.1:$PORT (default 8080).
# Usage: scripts/serve.sh [--port N] [--build-only] [--no-build]
source "$(dirname "$0")/lib.sh"

PORT="${PORT:-8080}"
BUILD=1
SERVE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    --build-only) SERVE=0; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n 2,3p "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ "$BUILD" = 1 ] && "$ROOT/scripts/build.sh"
[ "$SERVE" = 1 ] || { say "build only: dist/ is ready"; exit 0; }
[ -f dist/index.html ] || { echo "dist/ is missing: run without --no-build" >&2; exit 1; }
say "serving dist/ on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec python3 "$ROOT/scripts/serve.py" --port "$PORT" --dir dist
