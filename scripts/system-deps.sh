#!/usr/bin/env bash
# The Debian packages LeadDesk uses beyond Python, installed by `make run` and `make test`
# themselves: as root what is missing is installed; otherwise the one apt-get line that
# installs it is printed and the make stops.
#   window: the libraries Qt's xcb platform plugin loads (tests/scripts/test_system_deps.py
#           checks with ldd that nothing it needs is missing from this list)
#   suite:  PostgreSQL's server binaries (the throw-away test server), poppler-utils (PDF
#           pages to PNG), LibreOffice Calc (opening the exports as a real spreadsheet), a
#           font with Chinese characters (the window and its screenshots in Chinese),
#           Dovecot's IMAP server (the throw-away mail server of the mail sync tests)
# `system-deps.sh --list window` prints one list.
set -euo pipefail
window=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
        libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
        libx11-xcb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1
        libfreetype6 libglib2.0-0 libdbus-1-3)
suite=(postgresql poppler-utils libreoffice-calc-nogui fonts-noto-cjk dovecot-imapd)
if [ "${1:-}" = "--list" ]; then
  case "${2:-}" in
    window) printf '%s\n' "${window[@]}" ;;
    suite) printf '%s\n' "${suite[@]}" ;;
    *) echo "usage: $0 --list window|suite" >&2; exit 2 ;;
  esac
  exit 0
fi
need=()
for package in "${window[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || need+=("$package")
done
# the suite's tools by what they provide: a server installed another way serves as well
command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "LeadDesk needs these Debian packages; install them, then run make again:" >&2
  echo "  sudo apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "installing the Debian packages LeadDesk needs: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
