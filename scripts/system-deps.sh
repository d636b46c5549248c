#!/usr/bin/env bash
# Debian packages the tests need: Chromium (and a font) for the browser tests (test/browser/) and to drive the
# workbench; ripgrep, Kerberos headers, pkg-config, a compiler and python3 to install code-server's native
# modules. Idempotent: apt is only asked when something is missing.
set -euo pipefail
packages=(chromium fonts-dejavu-core ripgrep libkrb5-dev pkg-config build-essential python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
