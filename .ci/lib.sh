# shellcheck shell=bash
# Shared by .ci/start-services and .ci/ensure-jdk (sourced): logging, root, Docker and apt-get.
# Every action that changes the machine says so on stderr first.

log() { printf '[%s] %s\n' "${LOG_TAG:-setup}" "$*" >&2; }
die() { log "$*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (which may ask a password).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "this step needs root and there is no sudo: $*"
  fi
}

# True when a Docker engine answers and Compose v2 is there.
docker_runs() {
  command -v docker >/dev/null && docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1
}

debian_like() {
  [ -r /etc/debian_version ] && command -v apt-get >/dev/null
}

APT_UPDATED=
apt_update_once() {
  if [ -z "$APT_UPDATED" ]; then
    log "refreshing the package lists (apt-get update)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    APT_UPDATED=1
  fi
}

apt_install() {
  apt_update_once
  log "installing $* from the distribution's packages (apt-get install)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_until_answers NAME PORT SECONDS
wait_until_answers() {
  local _
  for _ in $(seq 1 "$3"); do
    answers "$2" && return 0
    sleep 1
  done
  die "$1 did not answer on 127.0.0.1:$2 within $3 seconds"
}
