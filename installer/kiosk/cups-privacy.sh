#!/usr/bin/env bash
# Part of a kiosk's set-up: CUPS must not keep the badges it printed. By default CUPS keeps each
# job's document (PreserveJobFiles, a PDF with the person's name) and its history in
# /var/spool/cups; a stolen kiosk would then hand over everyone's badge. This turns both off and
# restarts CUPS.
#   sudo ./installer/kiosk/cups-privacy.sh
#   CUPSD_CONF=/path/to/cupsd.conf ./installer/kiosk/cups-privacy.sh   (another file; no restart)
set -euo pipefail
conf="${CUPSD_CONF:-/etc/cups/cupsd.conf}"
if [[ ! -f "$conf" ]]; then
  echo "No CUPS configuration at $conf: is CUPS installed?" >&2
  exit 1
fi
tmp="$(mktemp "${conf}.XXXXXX")"
# drop any setting of the two directives, then state them once at the top
grep -v -E '^[[:space:]]*(PreserveJobFiles|PreserveJobHistory)[[:space:]]' "$conf" > "$tmp" || true
{
  echo "# Arrivals kiosk: keep no printed badge and no job history (installer/kiosk/cups-privacy.sh)"
  echo "PreserveJobFiles No"
  echo "PreserveJobHistory No"
  cat "$tmp"
} > "${tmp}.new"
chmod --reference="$conf" "${tmp}.new" 2>/dev/null || true
mv "${tmp}.new" "$conf"
rm -f "$tmp"
if [[ -z "${CUPSD_CONF:-}" ]]; then
  # remove what earlier jobs left behind, then restart
  find /var/spool/cups -maxdepth 1 -type f \( -name 'd*' -o -name 'c*' \) -delete 2>/dev/null || true
  if command -v systemctl >/dev/null && systemctl is-active --quiet cups; then
    systemctl restart cups
  fi
fi
echo "CUPS keeps no printed badges: PreserveJobFiles No, PreserveJobHistory No in $conf"
