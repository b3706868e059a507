#!/usr/bin/env bash
# Time to first window: starts a launcher under a private Xvfb display and polls `xwininfo -root -tree` every
# 50 ms until a window titled "Ransomtrace" exists; prints the time per run and the median. Side by side:
#
#   installer/measure-startup.sh 5 installer/target/image/ransomtrace/bin/ransomtrace-workbench
#   installer/measure-startup.sh 5 ./ransomtrace gui
#
# Needs Xvfb and xwininfo (apt-get install xvfb x11-utils). Each run gets a fresh HOME so no run profits
# from files an earlier run left (JavaFX caches, app settings).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RUNS LAUNCHER [ARGS...]" >&2; exit 2; }
runs="$1"; shift
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || { echo "needs Xvfb and xwininfo" >&2; exit 2; }

display=97
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
home="$(mktemp -d)"
cleanup() {
  [ -z "$app_pid" ] || { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }
  kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
for _ in $(seq 1 50); do DISPLAY=":$display" xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done

times=()
for run in $(seq 1 "$runs"); do
  rm -rf "$home" && mkdir -p "$home"
  t0=$(date +%s%N)
  HOME="$home" DISPLAY=":$display" "$@" >/dev/null 2>&1 &
  app_pid=$!
  ms=""
  while [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 60000 ] && kill -0 "$app_pid" 2>/dev/null; do
    if DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | grep -q '"Ransomtrace"'; then
      ms=$(( ($(date +%s%N) - t0) / 1000000 )); break
    fi
    sleep 0.05
  done
  kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""
  [ -n "$ms" ] || { echo "run $run: no window within 60 s" >&2; exit 1; }
  echo "run $run: ${ms} ms"
  times+=("$ms")
done
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')"
echo "median time to first window: ${median} ms over $runs runs ($*)"
