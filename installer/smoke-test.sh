#!/usr/bin/env bash
# Smoke test of the Linux packages, as an analyst would meet them:
#   1. build the app image and the .deb (installer/build-linux.sh); check the .deb's desktop entries and scripts
#   2. the image's launcher: `ransomtrace --version`, `--help`, and `scan` on a sample case when --help lists it
#   3. the window: bin/ransomtrace-workbench under Xvfb until a window titled "Ransomtrace" appears (timed)
#   4. this machine: `dpkg -i` the .deb, `ransomtrace --version` from the PATH, `dpkg -r`
#   5. a clean Debian: debootstrap (minbase, cached), chroot, `dpkg -i`, `ransomtrace --version`, `dpkg -r`
#
#   installer/smoke-test.sh [--skip-gui] [--skip-host-install] [--skip-chroot]
#
# Needs the application built first (mvn -q -B -DskipTests package). Steps 4 and 5 need root; step 5 needs
# debootstrap and Debian's package mirror, and keeps its pristine base system in
# ${RANSOMTRACE_SMOKE_CACHE:-/var/cache/ransomtrace-installer} so later runs skip the download.
# Exit status: 0 all run steps passed, 1 a step failed, 77 nothing could be tested (packaging tools missing).
# A step that cannot run here (no Xvfb, not root, no debootstrap) is reported as SKIPPED with the reason.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
skip_gui=false skip_host=false skip_chroot=false
for arg in "$@"; do
  case "$arg" in
    --skip-gui) skip_gui=true ;;
    --skip-host-install) skip_host=true ;;
    --skip-chroot) skip_chroot=true ;;
    *) echo "usage: $0 [--skip-gui] [--skip-host-install] [--skip-chroot]" >&2; exit 2 ;;
  esac
done

started=$SECONDS
step_started=$SECONDS
summary=()
say() { echo "smoke: $*"; }
step() { step_started=$SECONDS; echo; say "== $*"; }
pass() { summary+=("PASS    $1 ($((SECONDS - step_started)) s)"); say "PASS: $1"; }
skipped() { summary+=("SKIPPED $1: $2"); say "SKIPPED: $1: $2"; }
fail() {
  say "FAIL: $*"
  print_summary
  exit 1
}
print_summary() {
  echo
  say "summary (total $((SECONDS - started)) s):"
  for line in "${summary[@]}"; do echo "  $line"; done
}
expect_version() {  # $1 = output of `ransomtrace --version`, $2 = where it ran
  local first="${1%%$'\n'*}"
  [ "$first" = "ransomtrace $project_version" ] || fail "$2: --version printed '$first', expected 'ransomtrace $project_version'"
}

# --- prerequisites ------------------------------------------------------------------------------------------
missing_tools=""
for tool in jlink jpackage jdeps jar fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || missing_tools="$missing_tools $tool"
done
if [ -n "$missing_tools" ]; then
  say "SKIPPED: packaging tools missing:$missing_tools (needs a full JDK 17 with jpackage, fakeroot, dpkg-dev)"
  exit 77
fi
[ -f "$root/app/target/ransomtrace-app.jar" ] || fail "app not built: run 'mvn -q -B -DskipTests package' in $root first"
project_version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n1)"

# --- 1. build --------------------------------------------------------------------------------------------------
step "build app image and .deb"
"$here/build-linux.sh"
image="$here/target/image/ransomtrace"
deb="$(ls "$here"/target/ransomtrace_*.deb | head -n1)"
pass "build: image $(du -sh "$image" | cut -f1), runtime $(du -sh "$image/lib/runtime" | cut -f1), deb $(du -h "$deb" | cut -f1)"

step ".deb contents: menu entry, file association, PATH link"
debx="$(mktemp -d)"
dpkg-deb -x "$deb" "$debx"
dpkg-deb -e "$deb" "$debx/DEBIAN"
menu="$debx/opt/ransomtrace/lib/ransomtrace-ransomtrace-workbench.desktop"
handler="$debx/opt/ransomtrace/lib/ransomtrace-ransomtrace.desktop"
grep -qx 'Exec=/opt/ransomtrace/bin/ransomtrace-workbench' "$menu" || fail "menu entry does not start ransomtrace-workbench: $(cat "$menu")"
grep -qx 'NoDisplay=true' "$menu" && fail "the menu entry is hidden"
grep -qx 'MimeType=application/x-ransomtrace-case' "$handler" || fail ".rtcase handler lacks the MIME type: $(cat "$handler")"
grep -q 'glob pattern="\*.rtcase"' "$debx"/opt/ransomtrace/lib/*MimeInfo.xml || fail "no *.rtcase glob in the MIME definition"
grep -q 'ln -sfn /opt/ransomtrace/bin/ransomtrace /usr/bin/ransomtrace' "$debx/DEBIAN/postinst" || fail "postinst does not link /usr/bin/ransomtrace"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$menu" "$handler" || fail "desktop-file-validate rejects the desktop entries"
  validated="desktop-file-validate clean"
else
  validated="desktop-file-validate not installed, entries not validated"
fi
rm -rf "$debx"
pass ".deb contents: menu entry opens ransomtrace-workbench, *.rtcase -> application/x-ransomtrace-case, postinst links the CLI ($validated)"

# --- 2. the image's launcher ---------------------------------------------------------------------------------
step "app image launcher"
version_out="$("$image/bin/ransomtrace" --version 2>&1)" || fail "image: --version exited $?: $version_out"
echo "$version_out"
expect_version "$version_out" "image"
help_out="$("$image/bin/ransomtrace" --help 2>&1)" || fail "image: --help exited $?: $help_out"
grep -qE '^ +gui +' <<<"$help_out" || fail "image: --help does not list the gui command: $help_out"
sample_jar="$(ls "$image"/lib/app/sample-cases-*.jar 2>/dev/null | head -n1)"
[ -n "$sample_jar" ] || fail "image: the sample-cases jar is not in lib/app"
cases_in_jar="$(jar tf "$sample_jar" | grep -c '^sample-cases/.' || true)"
pass "image: --version, --help; $(basename "$sample_jar") bundled with $cases_in_jar sample-case entries"

step "scan a sample case with the image's launcher"
if grep -qE '^ +scan +' <<<"$help_out"; then
  # The first recorded log of the first sample case, unless the caller names an input.
  scan_input="${RANSOMTRACE_SMOKE_SCAN_INPUT:-$(find "$root/sample-cases/cases" -type f \( -name '*.log' -o -name '*.log.*' -o -name '*.json*' \) 2>/dev/null | sort | head -n1)}"
  [ -n "$scan_input" ] || fail "scan: --help lists scan but no sample case log was found under sample-cases/cases"
  set +e
  scan_out="$("$image/bin/ransomtrace" scan "$scan_input" 2>&1)"
  scan_rc=$?
  set -e
  echo "$scan_out" | tail -n 20
  # 0 = no finding at or above --fail-on, 1 = findings; 2 (usage) and 3 (input error) mean the scan did not run.
  [ $scan_rc -eq 0 ] || [ $scan_rc -eq 1 ] || fail "scan $scan_input exited $scan_rc"
  [ -n "$scan_out" ] || fail "scan $scan_input printed nothing"
  pass "scan $(basename "$scan_input") (exit $scan_rc)"
else
  skipped "scan" "the image's 'ransomtrace --help' lists no scan command yet"
fi

# --- 3. the window ----------------------------------------------------------------------------------------
step "workbench window under Xvfb"
if $skip_gui; then
  skipped "window" "--skip-gui"
elif ! command -v Xvfb >/dev/null 2>&1 || ! command -v xwininfo >/dev/null 2>&1; then
  skipped "window" "Xvfb or xwininfo missing (apt-get install xvfb x11-utils)"
else
  display=97
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  wb_pid=""
  stop_gui() {
    [ -z "$wb_pid" ] || kill "$wb_pid" 2>/dev/null || true
    [ -z "$wb_pid" ] || wait "$wb_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  }
  trap stop_gui EXIT
  for _ in $(seq 1 50); do DISPLAY=":$display" xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
  gui_log="$here/target/workbench-smoke.log"
  t0=$(date +%s%N)
  DISPLAY=":$display" "$image/bin/ransomtrace-workbench" >"$gui_log" 2>&1 &
  wb_pid=$!
  window_ms=""
  while [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 60000 ]; do
    if DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | grep -q '"Ransomtrace"'; then
      window_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      break
    fi
    kill -0 "$wb_pid" 2>/dev/null || break
    sleep 0.1
  done
  stop_gui
  trap - EXIT
  [ -n "$window_ms" ] || fail "no window titled Ransomtrace within 60 s; launcher output: $(tail -n 20 "$gui_log")"
  pass "window: 'Ransomtrace' appeared $(awk "BEGIN{printf \"%.1f\", $window_ms/1000}") s after starting bin/ransomtrace-workbench"
fi

# --- 4. this machine: dpkg -i ----------------------------------------------------------------------------------
# dpkg -i does not fetch dependencies. Where some are missing (a minimal system has no GTK or xdg-utils), it
# leaves the package unconfigured and `apt-get -f install` completes it: the usual two-step for a local .deb
# (`apt install ./ransomtrace_*.deb` does both at once).
install_deb() {  # $1 = prefix that runs a command in the target system ("" or "chroot DIR"), $2 = deb path there
  local run=($1) apt_log="$here/target/apt-get-f-install.log"
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive dpkg -i "$2" || true
  if ! "${run[@]}" dpkg-query -W -f='${Status}' ransomtrace 2>/dev/null | grep -q 'install ok installed'; then
    say "dpkg -i left ransomtrace unconfigured (missing dependencies above); completing with apt-get -f install (log: $apt_log)"
    { "${run[@]}" apt-get update -qq \
      && "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq -o Dpkg::Use-Pty=0; } >"$apt_log" 2>&1 \
      || fail "apt-get -f install failed: $(tail -n 10 "$apt_log")"
    say "apt-get -f install: $(grep -c '^Setting up' "$apt_log" || true) packages set up"
  fi
  "${run[@]}" dpkg-query -W -f='${Status}' ransomtrace | grep -q 'install ok installed' \
    || fail "ransomtrace is not 'install ok installed' after dpkg -i + apt-get -f install"
}
check_installed_cli() {  # $1 = prefix as above, $2 = where
  local run=($1) out
  out="$("${run[@]}" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    sh -c 'cd / && command -v ransomtrace && ransomtrace --version' 2>&1)" || fail "$2: ransomtrace --version from PATH failed: $out"
  echo "$out"
  [ "${out%%$'\n'*}" = /usr/bin/ransomtrace ] || fail "$2: ransomtrace on the PATH is '${out%%$'\n'*}', expected /usr/bin/ransomtrace"
  expect_version "${out#*$'\n'}" "$2"
}
check_removed() {  # $1 = directory the target system's / is in
  [ ! -e "$1/usr/bin/ransomtrace" ] && [ ! -L "$1/usr/bin/ransomtrace" ] || fail "dpkg -r left /usr/bin/ransomtrace behind"
  [ ! -e "$1/opt/ransomtrace" ] || fail "dpkg -r left /opt/ransomtrace behind"
}

step "install the .deb on this machine"
if $skip_host; then
  skipped "dpkg -i here" "--skip-host-install"
elif [ "$(id -u)" != 0 ]; then
  skipped "dpkg -i here" "not root"
elif dpkg-query -W -f='${Status}' ransomtrace 2>/dev/null | grep -q installed; then
  skipped "dpkg -i here" "a ransomtrace package is already installed here; not replacing it"
else
  install_deb "" "$deb"
  check_installed_cli "" "this machine"
  dpkg -r ransomtrace
  check_removed ""
  dpkg -P ransomtrace >/dev/null  # -r keeps the package's maintainer scripts registered; leave no trace here
  pass "dpkg -i here: /usr/bin/ransomtrace --version; dpkg -r removed the link and /opt/ransomtrace"
fi

# --- 5. a clean Debian: debootstrap + chroot ------------------------------------------------------------------
step "install the .deb on a clean Debian (debootstrap + chroot)"
if $skip_chroot; then
  skipped "clean Debian" "--skip-chroot"
elif [ "$(id -u)" != 0 ]; then
  skipped "clean Debian" "not root (debootstrap and chroot need root)"
elif ! command -v debootstrap >/dev/null 2>&1; then
  skipped "clean Debian" "debootstrap missing (apt-get install debootstrap)"
else
  cache="${RANSOMTRACE_SMOKE_CACHE:-/var/cache/ransomtrace-installer}"
  suite="$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-bookworm}")"
  base="$cache/debian-$suite-minbase"
  if [ ! -f "$base/.complete" ]; then
    say "creating the pristine Debian $suite base system in $base (once; later runs reuse it)"
    rm -rf "$base.partial"
    mkdir -p "$cache"
    debootstrap --variant=minbase "$suite" "$base.partial" >"$cache/debootstrap.log" 2>&1 \
      || fail "debootstrap $suite failed: $(tail -n 5 "$cache/debootstrap.log")"
    rm -rf "$base" && mv "$base.partial" "$base" && touch "$base/.complete"
  fi
  jail="$(mktemp -d /var/tmp/ransomtrace-smoke-debian.XXXXXX)"
  cleanup_jail() {
    # Never delete through a mounted /proc.
    if mountpoint -q "$jail/proc"; then umount "$jail/proc" || umount -l "$jail/proc"; fi
    mountpoint -q "$jail/proc" || rm -rf "$jail"
  }
  trap cleanup_jail EXIT
  cp -a "$base/." "$jail/"
  cp /etc/resolv.conf "$jail/etc/resolv.conf" 2>/dev/null || true
  mount -t proc proc "$jail/proc"
  cp "$deb" "$jail/tmp/"
  # The dependencies apt-get fetches (GTK and friends, ~100 MB) are kept between runs; the base stays pristine.
  mkdir -p "$cache/apt-archives"
  find "$cache/apt-archives" -maxdepth 1 -name '*.deb' -exec cp -t "$jail/var/cache/apt/archives/" {} +
  if chroot "$jail" sh -c 'command -v java' >/dev/null 2>&1; then fail "the clean Debian base has a java: it would not prove the bundled runtime"; fi
  install_deb "chroot $jail" "/tmp/$(basename "$deb")"
  check_installed_cli "chroot $jail" "clean Debian"
  chroot "$jail" sh -c 'command -v java' >/dev/null 2>&1 && fail "installing ransomtrace pulled in a system java"
  find "$jail/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -n -t "$cache/apt-archives/" {} +
  chroot "$jail" dpkg -r ransomtrace
  check_removed "$jail"
  cleanup_jail
  trap - EXIT
  pass "clean Debian $suite: dpkg -i, /usr/bin/ransomtrace --version with the bundled runtime (no system java), dpkg -r"
fi

print_summary
say "all run steps passed"
