#!/usr/bin/env bash
# Turns a Debian or Ubuntu machine into an Arrivals self-service kiosk: a dedicated user whose
# session is Arrivals alone, full screen (the cage kiosk compositor, with Xwayland for JavaFX),
# started at boot, restarted within seconds if it ever stops, and CUPS told not to keep copies
# of printed badges. Run as root after installing the .deb (or pass it with --deb).
#
#   sudo installer/kiosk/setup-kiosk.sh --station self-1 --printer desk-zebra [--setup-code-file FILE]
#        [--hub-url URL --hub-token-file FILE] [--deb arrivals_0.1.0-1_amd64.deb] [--user arrivals-kiosk]
#        [--mode self|desk] [--language en|es|ar|fr] [--key-file /media/usb/station.key]
#   --setup-code-file: a file holding the station's set-up code (arrivals hub add-station NAME --setup-code);
#   the kiosk joins its hub with it when it first opens (the code goes into the encrypted data, the file is
#   removed). --hub-token-file: a file holding a hub token. Neither secret is ever on a command line.
#   Without --key-file the kiosk asks staff for the station key on screen each time it starts (the
#   event's data is encrypted under it); with it, the key is read from that path (a USB stick).
#   installer/kiosk/setup-kiosk.sh --root DIR ...   write every file under DIR instead of /, change nothing else
#                                                   (to review what it would do; the tests use it)
set -euo pipefail

user=arrivals-kiosk key_file="" station="" printer="" hub_url="" hub_token_file="" setup_code_file="" deb="" root=""
mode=self language=en
while [[ $# -gt 0 ]]; do
  case "$1" in
    --user) user="$2"; shift 2 ;;
    --station) station="$2"; shift 2 ;;
    --printer) printer="$2"; shift 2 ;;
    --hub-url) hub_url="$2"; shift 2 ;;
    --hub-token) echo "--hub-token would put the token on a command line (ps, the shell's history): write it in a file and give --hub-token-file FILE, or give the station's set-up code with --setup-code-file FILE." >&2; exit 2 ;;
    --hub-token-file) hub_token_file="$2"; shift 2 ;;
    --setup-code-file) setup_code_file="$2"; shift 2 ;;
    --deb) deb="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --language) language="$2"; shift 2 ;;
    --root) root="$2"; shift 2 ;;
    --key-file) key_file="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)." >&2; exit 2 ;;
  esac
done
[[ -n "$station" ]] || { echo "Give the station a name with --station (it is carried by every check-in)." >&2; exit 2; }
[[ "$mode" == self || "$mode" == desk ]] || { echo "--mode is self or desk." >&2; exit 2; }
[[ "$station" =~ ^[A-Za-z0-9._-]{1,100}$ ]] || { echo "--station: letters, digits, dot, dash, underscore." >&2; exit 2; }
hub_token=""
if [[ -n "$hub_token_file" ]]; then
  [[ -r "$hub_token_file" ]] || { echo "Cannot read the hub token file $hub_token_file." >&2; exit 2; }
  hub_token="$(tr -d ' \r\n' < "$hub_token_file")"
  [[ "$hub_token" =~ ^[A-Za-z0-9_-]{20,200}$ ]] || { echo "$hub_token_file does not hold a hub token." >&2; exit 2; }
fi
if [[ -n "$setup_code_file" ]]; then
  [[ -r "$setup_code_file" ]] || { echo "Cannot read the set-up code file $setup_code_file." >&2; exit 2; }
  grep -q '^ARRIVALS-SETUP:' "$setup_code_file" || { echo "$setup_code_file does not hold a set-up code (ARRIVALS-SETUP:...)." >&2; exit 2; }
fi

real() { [[ -z "$root" ]]; }
run() { if real; then "$@"; else echo "would run: $*"; fi; }
if real && [[ "$(id -u)" != 0 ]]; then echo "Run as root (sudo), or with --root DIR to review." >&2; exit 1; fi

# 1. software: Arrivals, the kiosk compositor, Xwayland for JavaFX's GTK window, CUPS
if [[ -n "$deb" ]]; then run env DEBIAN_FRONTEND=noninteractive apt-get install -y "$(realpath "$deb")"; fi
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends cage xwayland kbd cups cups-bsd

# 2. the kiosk user: no password, no shell; its data folder holds the station's database
home_dir="/home/$user"
if real; then
  id "$user" >/dev/null 2>&1 || useradd --create-home --home-dir "$home_dir" --shell /usr/sbin/nologin \
    --comment "Arrivals kiosk" "$user"
  passwd --lock "$user" >/dev/null
fi
data="$root$home_dir/.local/share/arrivals"
mkdir -p "$data"
{
  echo "# Written by installer/kiosk/setup-kiosk.sh; every setting is explained in kiosk-config/station.sample.properties."
  echo "station.id=$station"
  echo "printer=$printer"
  echo "hub.url=$hub_url"
  echo "hub.token=$hub_token"
  echo "kiosk.mode=$mode"
  echo "kiosk.language=$language"
  echo "kiosk.idle.seconds=30"
} > "$data/station.properties"
chmod 600 "$data/station.properties"
if [[ -n "$setup_code_file" ]]; then
  # taken in (into the encrypted data) and removed the first time the kiosk opens its event
  (umask 077; tr -d '\r' < "$setup_code_file" > "$data/setup.code")
fi
run chown -R "$user:$user" "$home_dir/.local"

# 3. the session: Arrivals alone, full screen, on tty7, restarted when it stops
unit="$root/etc/systemd/system/arrivals-kiosk.service"
mkdir -p "$(dirname "$unit")"
cat > "$unit" <<UNIT
[Unit]
Description=Arrivals $mode kiosk ($station)
After=systemd-user-sessions.service network-online.target cups.service
Wants=network-online.target
Conflicts=getty@tty7.service

[Service]
User=$user
PAMName=login
TTYPath=/dev/tty7
StandardInput=tty
StandardOutput=journal
UtmpIdentifier=tty7
UtmpMode=user
Environment=XDG_SESSION_TYPE=wayland
ExecStartPre=+/usr/bin/chvt 7
# no -s: cage lets no one switch to a text console (Ctrl+Alt+F1); Arrivals asks its PIN to leave.
ExecStart=/usr/bin/cage -- /usr/bin/arrivals kiosk --mode $mode${key_file:+ --key-file $key_file}
Restart=always
RestartSec=2

[Install]
WantedBy=graphical.target
UNIT

# 4. CUPS keeps no copy of printed badges (names!) and no job history
if real; then
  "$(dirname "${BASH_SOURCE[0]}")/cups-privacy.sh"
else
  cups_conf="$root/etc/cups/cupsd.conf"
  mkdir -p "$(dirname "$cups_conf")"
  touch "$cups_conf"
  CUPSD_CONF="$cups_conf" "$(dirname "${BASH_SOURCE[0]}")/cups-privacy.sh" >/dev/null
fi

# 5. on at boot
run systemctl daemon-reload
run systemctl set-default graphical.target
run systemctl enable --now arrivals-kiosk.service
echo "Kiosk '$station' set up for user $user ($mode mode). Set the staff PIN now:"
echo "  sudo -u $user arrivals pin set"
