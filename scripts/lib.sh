# Shared set-up for scripts/site and scripts/test: install what a fresh Debian machine lacks.
# Sourced, not run. Quiet when everything is already there.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "error: need root (or sudo) to run: $*" >&2; return 1; fi
}

# apt_install PACKAGE... — installs only the packages that are missing.
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]} (apt-get)…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_swift_build_deps() {
  apt_install libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
}
