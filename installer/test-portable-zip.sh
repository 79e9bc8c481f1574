#!/usr/bin/env bash
# Unzips the portable zip that scripts/package built into a clean folder and checks it as a user with
# Java 17 on the PATH would meet it (no JAVA_HOME, no project, no Maven): the version, an import, a
# search, a badge rendered to PDF and read back, and the kiosk's first screen under Xvfb. Then that
# the Windows and macOS parts are there: the launchers, and JavaFX jars with each system's native
# libraries (those systems themselves are not tried here).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
zip="$(ls target/installer/arrivals-*-portable.zip 2>/dev/null | head -1)"
[[ -n "$zip" ]] || { echo "No portable zip in target/installer: run ./scripts/package first." >&2; exit 1; }
ensure_packages unzip:unzip pdftotext:poppler-utils
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
unzip -q "$ROOT/$zip" -d "$work/unzipped"
folder="$(ls -d "$work"/unzipped/arrivals-*)"
for f in arrivals arrivals.bat arrivals.command README.txt kiosk-config/import-template.csv lib/arrivals.jar; do
  [[ -e "$folder/$f" ]] || { echo "FAIL: the zip has no $f" >&2; exit 1; }
done
[[ -x "$folder/arrivals" && -x "$folder/arrivals.command" ]] || { echo "FAIL: the launchers are not executable" >&2; exit 1; }
grep -q $'\r$' "$folder/arrivals.bat" || { echo "FAIL: arrivals.bat has no Windows line ends" >&2; exit 1; }
natives() { unzip -l "$folder/lib/javafx/$1/javafx-graphics-"*"-$1.jar" | grep -c "$2" || true; }
[[ "$(natives win 'glass\.dll')" -ge 1 && "$(natives mac 'libglass\.dylib')" -ge 1 \
  && "$(natives mac-aarch64 'libglass\.dylib')" -ge 1 && "$(natives linux 'libglass\.so')" -ge 1 ]] \
  || { echo "FAIL: a platform's JavaFX native libraries are missing" >&2; exit 1; }
echo "Zip: launchers for Linux, macOS and Windows; JavaFX for linux, mac, mac-aarch64, win."

# a user's shell: Java 17 on the PATH and nothing of the project
java_bin="$(dirname "$(readlink -f "$(command -v java)")")"
mkdir -p "$work/user"
printf 'portable-test-station-key\n' > "$work/station.key"
portable() { (cd "$work/user" && env -i HOME="$work/user" PATH="$java_bin:/usr/bin:/bin" LANG=C.UTF-8 \
  ARRIVALS_HOME="$work/home" "$folder/arrivals" "$@" --key-file "$work/station.key"); }
portable --version
portable demo --csv "$work/demo.csv" >/dev/null
portable import "$work/demo.csv" > "$work/import.txt"
grep -q "1200 added" "$work/import.txt" || { echo "FAIL: import: $(cat "$work/import.txt")" >&2; exit 1; }
code="$(portable search "Rubén Flores" --limit 1 --json | sed -n 's/.*"code" *: *"\([^"]*\)".*/\1/p' | head -1)"
[[ -n "$code" ]] || { echo "FAIL: search found no one" >&2; exit 1; }
portable badge "$code" --out "$work/badge.pdf"
pdftotext "$work/badge.pdf" - | grep -q "Flores García" || { echo "FAIL: the badge does not read Flores García" >&2; exit 1; }
echo "Portable zip: imported 1,200, badge of $code rendered and read back."
# no Java at all, and a Java older than 17 (a stand-in that answers as Java 11 would): a sentence
mkdir -p "$work/nojava" "$work/java11/bin"
for tool in sh dirname uname sed; do ln -s "$(command -v $tool)" "$work/nojava/$tool"; done
answer="$(env -i PATH="$work/nojava" "$folder/arrivals" --version 2>&1 || true)"
grep -q "needs Java 17 or newer, and found none" <<<"$answer" || { echo "FAIL: no Java was not explained: $answer" >&2; exit 1; }
printf '#!/bin/sh\necho "    java.specification.version = 11" >&2\n' > "$work/java11/bin/java"
chmod +x "$work/java11/bin/java"
answer="$(env -i PATH="$work/nojava" JAVA_HOME="$work/java11" "$folder/arrivals" --version 2>&1 || true)"
grep -q "is Java 11" <<<"$answer" || { echo "FAIL: an old Java was not explained: $answer" >&2; exit 1; }
echo "No Java, or Java 11: explained."
if command -v xvfb-run >/dev/null 2>&1; then
  ready="$(cd "$work/user" && env -i HOME="$work/user" PATH="$java_bin:/usr/bin:/bin" LANG=C.UTF-8 ARRIVALS_HOME="$work/home" \
    JAVA_TOOL_OPTIONS=-Darrivals.exitWhenReady=true xvfb-run -a -s "-screen 0 1280x800x24" \
    "$folder/arrivals" kiosk --key-file "$work/station.key" 2>&1 | grep "Ready in" || true)"
  [[ -n "$ready" ]] || { echo "FAIL: the portable kiosk did not draw its first screen" >&2; exit 1; }
  echo "Portable kiosk: $ready"
fi
echo "PORTABLE ZIP OK: $(basename "$zip")"
