#!/usr/bin/env bash
# Retakes the README's screenshots of the workbench at 1600x1000 (docs/screenshots/) and 1280x800
# (docs/screenshots/1280x800/) on a private X display, from a fresh import of the mixed-workday sample.
# Needs: the build (mvn -q -DskipTests package), Xvfb, GTK 3 and a window manager (the window's dialogs and focus
# need one): apt-get install -y xvfb libgtk-3-0 openbox
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/ransomtrace" import --quiet --case "$work/mixed-workday.rtcase" "$root/sample-cases/cases/mixed-workday" >/dev/null
display=":$(( 90 + RANDOM % 100 ))"
shoot() { # WIDTH HEIGHT OUT_DIR
  # The screen is a little larger than the window: its title bar and borders must fit too.
  Xvfb "$display" -screen 0 "$(( $1 + 100 ))x$(( $2 + 100 ))x24" -nolisten tcp & local xvfb=$!
  sleep 1
  DISPLAY="$display" openbox >/dev/null 2>&1 & local wm=$!
  sleep 1
  cp "$work/mixed-workday.rtcase" "$work/tour.rtcase" # the tour adds an allowlist entry: never on the original
  DISPLAY="$display" "$root/ransomtrace" gui --window-size "${1}x${2}" --screenshot-dir "$3" "$work/tour.rtcase"
  kill "$wm" "$xvfb" 2>/dev/null || true
  wait "$wm" "$xvfb" 2>/dev/null || true
}
shoot 1600 1000 "$root/docs/screenshots"
shoot 1280 800 "$root/docs/screenshots/1280x800"
echo "Screenshots written to docs/screenshots/ and docs/screenshots/1280x800/"
