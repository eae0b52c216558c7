#!/usr/bin/env bash
# The Debian packages the whole suite uses beyond Python: PostgreSQL's server binaries
# (the throw-away test server), poppler-utils (PDF pages to PNG) and LibreOffice Calc
# (opening the exports as a real spreadsheet), and a font with Chinese characters (the
# window and its screenshots in Chinese). Installs only what is missing.
set -euo pipefail
need=()
command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
