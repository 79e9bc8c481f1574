#!/usr/bin/env bash
# Installs the .deb that scripts/package built and checks the installed app as a user would meet
# it, with no Java on the PATH and no JAVA_HOME (only the runtime inside the package can run it):
# the version, its class-data archive in use, an import, a badge rendered to PDF and read back, and
# the kiosk window drawn under Xvfb. Removes the package afterwards. Needs root or passwordless sudo.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ROOT"
deb="$(ls target/installer/arrivals_*_amd64.deb 2>/dev/null | head -1)"
[[ -n "$deb" ]] || { echo "No .deb in target/installer: run ./scripts/package first." >&2; exit 1; }
sudo=""
if [[ "$(id -u)" != 0 ]]; then
  if sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "INSTALLED-PACKAGE TEST NOT RUN: installing a .deb needs root or passwordless sudo." >&2
    [[ -n "${CI:-}" ]] && exit 1
    exit 0
  fi
fi
ensure_packages pdftotext:poppler-utils
work="$(mktemp -d)"
cleanup() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq arrivals >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$ROOT/$deb" >/dev/null

# a PATH with the installed command and nothing else: no java, no JAVA_HOME
mkdir -p "$work/bin"
ln -s /usr/bin/arrivals "$work/bin/arrivals"
# the station key on "removable media": a file given with --key-file, as staff would
printf 'installed-test-station-key\n' > "$work/station.key"
installed() { env -i HOME="$work" PATH="$work/bin" ARRIVALS_HOME="$work/home" LANG=C.UTF-8 arrivals "$@" --key-file "$work/station.key"; }

version="$(installed --version)"
echo "$version"
grep -q "at /opt/arrivals/lib/runtime" <<<"$version" || { echo "FAIL: not run by the bundled runtime" >&2; exit 1; }

# the class-data archive postinst made for /opt/arrivals, and Java mapping it (AppCDS)
[[ -f /opt/arrivals/lib/app/arrivals.jsa ]] || { echo "FAIL: no class-data archive made at install" >&2; exit 1; }
env -i HOME="$work" PATH="$work/bin" JAVA_TOOL_OPTIONS="-Xlog:class+load=info" arrivals --version 2>&1 \
  | grep -q "org.arrivals.Main source: shared objects file" \
  || { echo "FAIL: the installed app does not use its class-data archive" >&2; exit 1; }
echo "Class-data archive in use."

installed demo --csv "$work/demo.csv" >/dev/null
installed import "$work/demo.csv" > "$work/import.txt"
head -1 "$work/import.txt"
grep -q "1200 added" "$work/import.txt" || { echo "FAIL: import" >&2; exit 1; }
code="$(installed search "Rubén Flores" --limit 1 --json | sed -n 's/.*"code" *: *"\([^"]*\)".*/\1/p' | head -1)"
[[ -n "$code" ]] || { echo "FAIL: search found no one" >&2; exit 1; }
installed badge "$code" --out "$work/badge.pdf"
pdftotext "$work/badge.pdf" - | grep -q "Flores García" || { echo "FAIL: the badge does not read Flores García" >&2; exit 1; }
echo "Badge of $code rendered by the installed app and read back."
# at rest, the data folder names no one (the database is encrypted under the station key)
if grep -rlaF "Flores" "$work/home"; then echo "FAIL: a name is readable in the files above" >&2; exit 1; fi
wrong="$(env -i HOME="$work" PATH="$work/bin" ARRIVALS_HOME="$work/home" LANG=C.UTF-8 ARRIVALS_KEY=not-the-key arrivals stats 2>&1 || true)"
grep -q "station key is wrong" <<<"$wrong" || { echo "FAIL: a wrong key was not refused: $wrong" >&2; exit 1; }
echo "Data folder encrypted: no name readable, a wrong key refused."
# the installed kiosk set-up's CUPS privacy script, on a copy of a cupsd.conf
printf 'LogLevel warn\nPreserveJobFiles Yes\n' > "$work/cupsd.conf"
CUPSD_CONF="$work/cupsd.conf" bash /opt/arrivals/lib/app/kiosk/cups-privacy.sh >/dev/null
grep -qx "PreserveJobFiles No" "$work/cupsd.conf" || { echo "FAIL: the installed cups-privacy.sh" >&2; exit 1; }

if command -v xvfb-run >/dev/null 2>&1; then
  ready="$(env -i HOME="$work" PATH="$work/bin:/usr/bin:/bin" ARRIVALS_HOME="$work/home" \
    JAVA_TOOL_OPTIONS=-Darrivals.exitWhenReady=true xvfb-run -a -s "-screen 0 1280x800x24" arrivals kiosk --key-file "$work/station.key" 2>&1 \
    | grep "Ready in" || true)"
  [[ -n "$ready" ]] || { echo "FAIL: the installed kiosk did not draw its first screen" >&2; exit 1; }
  echo "Installed kiosk: $ready"
fi
[[ -f /usr/share/applications/arrivals-arrivals.desktop ]] || ls /usr/share/applications | grep -qi arrivals \
  || { echo "FAIL: no desktop entry" >&2; exit 1; }
echo "INSTALLED PACKAGE OK: $(basename "$deb")"
