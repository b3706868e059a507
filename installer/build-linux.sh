#!/usr/bin/env bash
# Packages Ransomtrace for Linux: a bundled Java runtime (jlink), an app image and a .deb (jpackage, JDK 17).
#
#   installer/build-linux.sh [--image-only]
#
# Needs the built application first (mvn -q -B -DskipTests package, or run through Maven: -Ppackage, see
# installer/README.md), and the JDK tools jlink, jdeps, jpackage plus, for the .deb, fakeroot and dpkg-deb.
# Writes, under installer/target/:
#   runtime/                    the linked Java runtime (JDK modules + JavaFX)
#   image/ransomtrace/          the app image: bin/ransomtrace (CLI), bin/ransomtrace-workbench (window)
#   ransomtrace_<v>-1_amd64.deb the Debian package (skipped with --image-only)
# Exits non-zero with a message on the first problem (missing tool, JavaFX version mismatch, module missing
# from runtime-modules.txt, jpackage failure).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
app_target="$root/app/target"
out="$here/target"
linux="$here/linux"

image_only=false
case "${1:-}" in
  "") ;;
  --image-only) image_only=true ;;
  *) echo "usage: $0 [--image-only]" >&2; exit 2 ;;
esac

fail() { echo "build-linux: $*" >&2; exit 1; }
step() { echo "build-linux: $*"; }

# --- tools -------------------------------------------------------------------------------------------------
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
  jdk="$JAVA_HOME"
else
  command -v jlink >/dev/null 2>&1 || fail "jlink not found: install a full JDK 17 (apt-get install openjdk-17-jdk) or set JAVA_HOME"
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
fi
for tool in jlink jdeps jpackage jar; do
  [ -x "$jdk/bin/$tool" ] || fail "$jdk/bin/$tool missing: this JDK cannot package (install openjdk-17-jdk)"
done
[ -d "$jdk/jmods" ] || fail "$jdk/jmods missing: jlink needs the JDK's jmods (Debian: openjdk-17-jmods)"
jdk_feature="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "$jdk_feature" = "17" ] || fail "packaging JDK is $jdk_feature, expected 17 ($jdk)"
if ! $image_only; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: the .deb needs it (apt-get install fakeroot dpkg-dev), or pass --image-only"
  done
fi

# --- inputs ------------------------------------------------------------------------------------------------
[ -f "$app_target/ransomtrace-app.jar" ] && [ -d "$app_target/lib" ] \
  || fail "app not built: run 'mvn -q -B -DskipTests package' in $root first"

project_version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n1)"
javafx_version="$(sed -n 's:.*<javafx.version>\(.*\)</javafx.version>.*:\1:p' "$root/pom.xml" | head -n1)"
[ -n "$project_version" ] || fail "cannot read the project <version> from $root/pom.xml"
[ -n "$javafx_version" ] || fail "cannot read <javafx.version> from $root/pom.xml"
# jpackage and Debian want a plain numeric version: 0.1.0-SNAPSHOT is packaged as 0.1.0.
app_version="${project_version%%-*}"
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || fail "project version '$project_version' does not start with a numeric version"

# The JavaFX classes and native libraries live in the javafx-*-<version>-linux.jar files; the plain
# javafx-*-<version>.jar files are empty shells and are left out. Every JavaFX module must be the pom's version.
fx_jars=() app_jars=()
for jar in "$app_target"/lib/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-linux.jar) fx_jars+=("$jar") ;;
    javafx-*) ;;
    *) app_jars+=("$jar") ;;
  esac
done
[ ${#fx_jars[@]} -gt 0 ] || fail "no javafx-*-linux.jar in $app_target/lib"
fx_path=""
for jar in "${fx_jars[@]}"; do
  descriptor="$("$jdk/bin/jar" --describe-module --file "$jar" | head -n1)"   # e.g. javafx.base@21.0.11 jar:...
  module_at_version="${descriptor%% *}"
  module_version="${module_at_version#*@}"
  [ "$module_version" = "$javafx_version" ] \
    || fail "$(basename "$jar") is module $module_at_version but the root pom pins javafx.version=$javafx_version"
  fx_path="${fx_path:+$fx_path:}$jar"
done
step "JavaFX $javafx_version checked in ${#fx_jars[@]} modular jars"

ls "$app_target"/lib/sample-cases-*.jar >/dev/null 2>&1 \
  || fail "sample-cases jar missing from $app_target/lib: the packaged app must carry the sample case"

# --- runtime modules: the explicit list must cover what jdeps finds ------------------------------------------
modules="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/runtime-modules.txt" | grep -v '^$' | paste -sd, -)"
app_cp="$(IFS=:; echo "${app_jars[*]}")"
needed="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$fx_path" --class-path "$app_cp" "$app_target/ransomtrace-app.jar" "${app_jars[@]}" 2>/dev/null | tail -n1)"
[ -n "$needed" ] || fail "jdeps printed no module list"
missing=""
for m in ${needed//,/ }; do
  case ",$modules," in *",$m,"*) ;; *) missing="$missing $m" ;; esac
done
[ -z "$missing" ] || fail "jdeps says the app needs module(s)$missing, missing from installer/runtime-modules.txt"
step "runtime modules: $modules (jdeps needs: $needed)"

rm -rf "$out"
mkdir -p "$out"

# --- jlink: JDK jmods + the JavaFX modular jars ----------------------------------------------------------------
# jlink takes modular jars, but a jar has no section for native libraries: the JavaFX .so files would end up as
# resources inside lib/modules, and JavaFX would extract them to ~/.openjfx/cache on every first start. They are
# left out of the module image and copied to runtime/lib/ instead, where JavaFX's loader looks first for a
# linked module (the same place the OpenJFX jmods would put them). javafx-swt.jar (SWT interop) is not used.
step "jlink"
"$jdk/bin/jlink" \
  --module-path "$jdk/jmods:$fx_path" \
  --add-modules "$modules" \
  --exclude-resources 'glob:/javafx.*/*.so,glob:/javafx.*/javafx-swt.jar' \
  --strip-debug --strip-native-commands --no-header-files --no-man-pages --compress=2 \
  --output "$out/runtime"
for jar in "${fx_jars[@]}"; do
  libs="$("$jdk/bin/jar" tf "$jar" | grep -E '^lib[^/]*\.so$' || true)"
  # Only with a non-empty list: 'jar xf' without file names would unpack the whole jar.
  [ -z "$libs" ] || (cd "$out/runtime/lib" && "$jdk/bin/jar" xf "$jar" $libs)
done
[ -f "$out/runtime/lib/libglassgtk3.so" ] || fail "JavaFX native libraries were not copied into the runtime"

# --- jpackage: app image ------------------------------------------------------------------------------------
# The application stays on the class path (it is not modular); JavaFX is resolved from the runtime's modules.
mkdir -p "$out/input"
cp "$app_target/ransomtrace-app.jar" "${app_jars[@]}" "$out/input/"
common=(
  --name ransomtrace
  --app-version "$app_version"
  --vendor "Ransomtrace"
  --description "Workbench for investigating mass file encryption on Linux hosts (ATT&CK AN0603 / T1486)"
  --copyright "Ransomtrace contributors"
)
step "jpackage app image"
# Relative paths inside the launcher and association .properties files resolve from installer/linux.
(cd "$linux" && "$jdk/bin/jpackage" --type app-image \
  "${common[@]}" \
  --runtime-image "$out/runtime" \
  --input "$out/input" \
  --main-jar ransomtrace-app.jar \
  --main-class io.ransomtrace.app.Main \
  --java-options '-Xmx1g --add-modules javafx.controls,javafx.swing' \
  --icon "$linux/ransomtrace.png" \
  --add-launcher ransomtrace-workbench=ransomtrace-workbench.properties \
  --dest "$out/image")
image="$out/image/ransomtrace"
[ -x "$image/bin/ransomtrace" ] || fail "jpackage produced no $image/bin/ransomtrace"
step "app image: $image ($(du -sh "$image" | cut -f1))"

$image_only && exit 0

# --- jpackage: .deb from the app image ------------------------------------------------------------------------
# linux/resources overrides jpackage's postinst/prerm (adds /usr/bin/ransomtrace) and the desktop entry
# (opens the workbench instead of the CLI); jpackage still fills in its own placeholders in them.
step "jpackage deb"
# The payload is mostly already compressed (jars, the jlink-compressed lib/modules): dpkg-deb's default xz
# takes ~80 s on the 2-core build machine for 3 MB less than zstd, which takes ~1 s. Debian 12 and Ubuntu
# 21.10+ read zstd packages (dpkg >= 1.21.18); the package targets Debian 12 libraries anyway (jpackage derives
# its dependencies from the build machine). DPKG_DEB_COMPRESSOR_TYPE=xz restores the default.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-zstd}"
(cd "$linux" && "$jdk/bin/jpackage" --type deb \
  "${common[@]}" \
  --app-image "$image" \
  --resource-dir "$linux/resources" \
  --icon "$linux/ransomtrace.png" \
  --file-associations rtcase-association.properties \
  --linux-package-name ransomtrace \
  --linux-deb-maintainer "packaging@ransomtrace.io" \
  --linux-menu-group "System;Security;" \
  --linux-app-category utils \
  --linux-shortcut \
  --install-dir /opt \
  --dest "$out" ${RANSOMTRACE_JPACKAGE_VERBOSE:+--verbose})
deb="$(ls "$out"/ransomtrace_*.deb 2>/dev/null | head -n1)"
[ -n "$deb" ] || fail "jpackage produced no .deb in $out"
step "deb: $deb ($(du -h "$deb" | cut -f1))"
