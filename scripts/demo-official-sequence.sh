#!/usr/bin/env bash
# The first demo (before the daemon existed; `make demo-api`): start the bundled DC simulator on loopback, replay Acronis's official
# onboarding sequence against it with curl, show what the simulated DC saw, and stop it again.
# Usage: scripts/demo-official-sequence.sh BIN_DIR   (the directory holding onboard-dcsim)
set -euo pipefail

bin_dir=${1:?usage: demo.sh BIN_DIR}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
client_id=5c0ffee0-0000-4000-8000-000000000de0
client_secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
sim_pid=

cleanup() {
  if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
    kill "$sim_pid" && wait "$sim_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting onboard-dcsim (simulated Acronis data centre) on 127.0.0.1"
"$bin_dir/onboard-dcsim" --host 127.0.0.1 --port 0 --client-id "$client_id" --client-secret "$client_secret" \
  >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$work/sim.out" 2>/dev/null && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.err" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/sim.out")
[ -n "$url" ] || { echo "the simulator did not start" >&2; cat "$work/sim.err" >&2; exit 1; }
echo "   $url"
echo

echo "== replaying the official onboarding sequence (acronis-api.md §1 and §11)"
"$here/replay-official-sequence.sh" "$url" "$client_id" "$client_secret"
echo

echo "== what the simulated DC saw (method, path, status, Acronis error code)"
curl -fsS "$url/_sim/requests" | python3 -c '
import json, sys
for r in json.load(sys.stdin)["items"]:
    code = r.get("error_code")
    line = "   %-6s %-70s %s" % (r["method"], r["path"], r["status"])
    print(line + ("  error %s" % code if code else ""))
'
echo
echo "== stopping the simulator"
