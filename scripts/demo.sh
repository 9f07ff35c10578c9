#!/usr/bin/env bash
# The demo behind `make demo`: the daemon end to end on the bundled DC simulator, without systemd.
#
# Starts onboard-dcsim and onboardd on a temporary folder, drops one request into the spool folder, submits another
# with `onboardctl submit --wait`, shows status, logs, credentials and the Linux install command, then stops both
# processes and removes the folder. Nothing is left running.
#
# Usage: scripts/demo.sh BIN_DIR   (the directory holding onboard-dcsim, onboardd and onboardctl)
set -euo pipefail

bin_dir=${1:?usage: demo.sh BIN_DIR}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/onboard-demo.XXXXXX)
client_id=5c0ffee0-0000-4000-8000-000000000de0
client_secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
sim_pid=
daemon_pid=

cleanup() {
  for pid in $daemon_pid $sim_pid; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }
ctl() { "$bin_dir/onboardctl" --socket "$work/onboardd.sock" "$@"; }

say "starting onboard-dcsim (a simulated Acronis data centre) on 127.0.0.1"
"$bin_dir/onboard-dcsim" --host 127.0.0.1 --port 0 --client-id "$client_id" --client-secret "$client_secret" \
  >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$work/sim.out" 2>/dev/null && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.err" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/sim.out")
[ -n "$url" ] || { echo "the simulator did not start" >&2; exit 1; }
echo "   $url"

say "configuring onboardd in $work (the packaged paths are /etc/onboardd, /var/spool/onboardd, /var/lib/onboardd)"
mkdir -p "$work/profiles"
cp "$repo"/examples/profiles/*.json "$work/profiles/"
umask 077
printf '%s\n' "$client_secret" >"$work/eu2.secret"
umask 022
cat >"$work/onboardd.json" <<JSON
{
  "paths": { "spool": "$work/spool", "state": "$work/state", "socket": "$work/onboardd.sock", "profiles": "$work/profiles" },
  "data_centers": [ { "url": "$url", "rate_per_second": 20, "burst": 10, "max_in_flight": 8 } ],
  "partners": [ { "name": "eu2", "dc_url": "$url", "client_id": "$client_id", "client_secret_file": "$work/eu2.secret" } ]
}
JSON
cat "$work/onboardd.json"
run "$bin_dir/onboardd" --config "$work/onboardd.json" --check-config

say "starting onboardd in the foreground of this script (its log goes to $work/onboardd.log; shown at the end)"
"$bin_dir/onboardd" --config "$work/onboardd.json" 2>"$work/onboardd.log" &
daemon_pid=$!
for _ in $(seq 1 100); do
  ctl daemon status >/dev/null 2>&1 && break
  kill -0 "$daemon_pid" 2>/dev/null || { echo "onboardd exited" >&2; exit 1; }
  sleep 0.1
done
run ctl daemon status

say "dropping examples/contoso-per-workload.json into the spool (write a dot-file, then rename)"
cp "$repo/examples/contoso-per-workload.json" "$work/spool/incoming/.tmp-contoso.json"
mv "$work/spool/incoming/.tmp-contoso.json" "$work/spool/incoming/contoso.json"

say "submitting examples/northwind-per-gigabyte.json and waiting for it"
run ctl submit --wait "$repo/examples/northwind-per-gigabyte.json"

say "the spool request"
for _ in $(seq 1 100); do [ -f "$work/spool/results/contoso.json" ] && break; sleep 0.1; done
contoso=$(sed -n 's/.*"onboarding_id" : "\(.*\)".*/\1/p' "$work/spool/results/contoso.json")
run ctl wait "$contoso"
run ctl list
run ctl status "$contoso"
run ctl logs "$contoso"
echo '$ cat spool/results/contoso.json'
cat "$work/spool/results/contoso.json"

say "credentials and the Linux agent install command (secrets: only root or the admin group may read them)"
run ctl credentials "$contoso"
run ctl install-script "$contoso" --os linux

say "stopping onboardd (SIGTERM) and the simulator"
kill -TERM "$daemon_pid"
wait "$daemon_pid" && echo "   onboardd exited with status 0"
daemon_pid=

say "onboardd's log: under systemd these are journald entries with ONBOARDD_* fields and a MESSAGE_ID per event"
sed 's/^/   /' "$work/onboardd.log"
kill "$sim_pid" && wait "$sim_pid" 2>/dev/null || true
sim_pid=
echo "   done; nothing is left running"
