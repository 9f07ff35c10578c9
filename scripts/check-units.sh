#!/usr/bin/env bash
# Checks the packaged systemd units, as CI does (engineering notes §1.13):
#
#   1. `systemd-analyze verify` on onboardd.service and onboardd.socket must be clean: exit 0 and no output at all
#      (systemd-analyze exits 0 on a misspelled key and only prints a warning, so any output fails the check). The
#      units are verified unchanged inside a scratch root (--root=) holding a copy of the host's unit directory and
#      stub executables at /usr/sbin/onboardd and /usr/bin/onboardctl, because verify insists that Exec*= binaries
#      exist. The documented per-partner credential drop-in (docs/packaging.md) is verified the same way.
#   2. A negative self-test: a copy of the service with a misspelled key must be reported, or the check is blind.
#   3. `systemd-analyze security --offline=yes` on onboardd.service, as shipped and with the credential drop-in: the
#      overall exposure score is printed and must not exceed $ONBOARD_SECURITY_THRESHOLD (default 2.0).
#   4. As root only: sysusers.d/onboardd.conf and tmpfiles.d/onboardd.conf are applied to a scratch root
#      (systemd-sysusers/systemd-tmpfiles --root=) and the resulting users, groups and spool modes are compared
#      with the expected layout. Skipped with a note when not root (chown needs the privilege).
#
# Usage: scripts/check-units.sh
# Environment: ONBOARD_SECURITY_THRESHOLD (default 2.0), SYSTEMD_ANALYZE (default systemd-analyze).
# Installs nothing: systemd-analyze comes with Debian's `systemd` package (`apt-get install -y systemd`).
# Exit status: 0 when every check passes, 1 when one fails, 2 when a tool is missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
packaging=$repo/packaging
threshold=${ONBOARD_SECURITY_THRESHOLD:-2.0}
analyze=${SYSTEMD_ANALYZE:-systemd-analyze}
credential_dropin='[Service]
LoadCredentialEncrypted=eu2:/etc/credstore.encrypted/onboardd.eu2'

if ! command -v "$analyze" >/dev/null 2>&1; then
  echo "check-units: '$analyze' not found. It is part of Debian's 'systemd' package:" >&2
  echo "check-units:   apt-get install -y systemd   (PID 1 need not be systemd)" >&2
  exit 2
fi
if ! [[ $threshold =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
  echo "check-units: ONBOARD_SECURITY_THRESHOLD='$threshold' is not a number such as 2.0" >&2
  exit 2
fi
for unit in onboardd.service onboardd.socket; do
  [ -f "$packaging/systemd/$unit" ] || { echo "check-units: missing $packaging/systemd/$unit" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# stage_root DIR: a root with the host's units, stub executables for what the package ships, and our units.
stage_root() {
  local root=$1 dir
  mkdir -p "$root/usr/lib/systemd/system" "$root/etc/systemd/system" "$root/usr/sbin" "$root/usr/bin"
  for dir in /usr/lib/systemd/system /lib/systemd/system; do
    if [ -f "$dir/sysinit.target" ]; then cp -a "$dir/." "$root/usr/lib/systemd/system/"; break; fi
  done
  if [ ! -f "$root/usr/lib/systemd/system/sysinit.target" ]; then
    # No unit directory on this host: minimal stand-ins for the targets the units and their defaults refer to.
    for target in sysinit basic shutdown sockets multi-user network-online; do
      printf '[Unit]\nDescription=stand-in %s\n' "$target" >"$root/usr/lib/systemd/system/$target.target"
    done
  fi
  printf '#!/bin/sh\nexit 0\n' >"$root/usr/sbin/onboardd"
  printf '#!/bin/sh\nexit 0\n' >"$root/usr/bin/onboardctl"
  chmod 0755 "$root/usr/sbin/onboardd" "$root/usr/bin/onboardctl"
  cp "$packaging/systemd/onboardd.service" "$packaging/systemd/onboardd.socket" "$root/usr/lib/systemd/system/"
}

# add_dropin ROOT: the per-partner credential drop-in of docs/packaging.md, as `systemctl edit onboardd` writes it.
add_dropin() {
  mkdir -p "$1/etc/systemd/system/onboardd.service.d"
  printf '%s\n' "$credential_dropin" >"$1/etc/systemd/system/onboardd.service.d/override.conf"
}

# verify ROOT: prints systemd-analyze's output; succeeds only when it exits 0 and prints nothing.
verify() {
  local out rc=0
  out=$(SYSTEMD_COLORS=0 "$analyze" verify --root="$1" --man=no onboardd.service onboardd.socket 2>&1) || rc=$?
  [ -z "$out" ] || printf '%s\n' "$out"
  [ "$rc" -eq 0 ] && [ -z "$out" ]
}

# score ROOT LABEL [details]: prints the exposure score line (and with "details" the exposed settings) and checks it
# against the threshold.
score() {
  local out rc=0 value
  out=$(SYSTEMD_COLORS=0 "$analyze" security --offline=yes --root="$1" onboardd.service 2>&1) || rc=$?
  value=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9][0-9.]*\).*/\1/p' | tail -n 1)
  if [ "$rc" -ne 0 ] || [ -z "$value" ]; then
    printf '%s\n' "$out" >&2
    fail "security ($2): no overall exposure score (exit $rc)"
    return
  fi
  if [ "${3:-}" = details ]; then printf '%s\n' "$out" | grep -E '^✗' | sed 's/^/    /' || true; fi
  printf '%s\n' "$out" | grep 'Overall exposure level' | sed "s/^/  ($2) /"
  if awk -v s="$value" -v t="$threshold" 'BEGIN { exit !(s <= t) }'; then
    echo "ok: security ($2): $value <= $threshold"
  else
    fail "security ($2): exposure $value is above the threshold $threshold"
  fi
}

echo "== systemd-analyze verify ($("$analyze" --version | head -n 1))"
stage_root "$work/root"
if verify "$work/root"; then echo "ok: verify onboardd.service onboardd.socket: clean"; else fail "verify: not clean (above)"; fi
stage_root "$work/root-dropin"
add_dropin "$work/root-dropin"
if verify "$work/root-dropin"; then echo "ok: verify with the LoadCredentialEncrypted= drop-in: clean"; else fail "verify with the credential drop-in: not clean (above)"; fi

echo "== self-test: a misspelled key must be reported"
stage_root "$work/root-bad"
sed -i 's/^\[Service\]$/[Service]\nNoNewPrivilegs=yes/' "$work/root-bad/usr/lib/systemd/system/onboardd.service"
if out=$(verify "$work/root-bad") || ! grep -q 'NoNewPrivilegs' <<<"$out"; then
  printf '%s\n' "$out"
  fail "self-test: verify did not report the misspelled key NoNewPrivilegs=; the verify check is blind"
else
  echo "ok: reported: $(grep -m 1 'NoNewPrivilegs' <<<"$out")"
fi

echo "== systemd-analyze security --offline=yes onboardd.service (threshold $threshold)"
score "$work/root" "as shipped" details
score "$work/root-dropin" "with the credential drop-in"

echo "== sysusers.d and tmpfiles.d applied to a scratch root"
if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: needs root (systemd-tmpfiles chowns the spool folders)"
elif ! command -v systemd-sysusers >/dev/null 2>&1 || ! command -v systemd-tmpfiles >/dev/null 2>&1; then
  fail "systemd-sysusers or systemd-tmpfiles not found (Debian package 'systemd')"
else
  r=$work/layout
  mkdir -p "$r/etc" "$r/usr/lib/sysusers.d" "$r/usr/lib/tmpfiles.d"
  cp "$packaging/sysusers.d/onboardd.conf" "$r/usr/lib/sysusers.d/"
  cp "$packaging/tmpfiles.d/onboardd.conf" "$r/usr/lib/tmpfiles.d/"
  if ! out=$(systemd-sysusers --root="$r" onboardd.conf 2>&1); then
    printf '%s\n' "$out" >&2; fail "systemd-sysusers onboardd.conf failed"
  elif ! out=$(systemd-tmpfiles --root="$r" --create onboardd.conf 2>&1); then
    printf '%s\n' "$out" >&2; fail "systemd-tmpfiles --create onboardd.conf failed"
  else
    id_of() { awk -F: -v n="$2" '$1 == n { print $3 }' "$r/etc/$1"; }
    uid=$(id_of passwd onboardd)
    for g in onboard onboard-admin onboardd; do
      [ -n "$(id_of group "$g")" ] || fail "sysusers: group $g was not created"
    done
    [ -n "$uid" ] || fail "sysusers: user onboardd was not created"
    [ "$(awk -F: '$1 == "onboardd" { print $4 }' "$r/etc/passwd")" = "$(id_of group onboardd)" ] ||
      fail "sysusers: user onboardd's primary group is not onboardd"
    awk -F: '$1 == "onboard" { print $4 }' "$r/etc/group" | tr ',' '\n' | grep -qx onboardd ||
      fail "sysusers: onboardd is not a member of group onboard"
    bad=0
    while read -r path mode group; do
      want="$mode $uid:$(id_of group "$group")"
      got=$(stat -c '%a %u:%g' "$r$path" 2>/dev/null || echo missing)
      [ "$got" = "$want" ] || { fail "tmpfiles: $path is '$got', expected '$want' ($mode onboardd:$group)"; bad=1; }
    done <<'EOF'
/var/spool/onboardd 750 onboard
/var/spool/onboardd/incoming 3770 onboard
/var/spool/onboardd/processing 750 onboardd
/var/spool/onboardd/rejected 2750 onboard
/var/spool/onboardd/results 2750 onboard
EOF
    [ "$bad" -ne 0 ] || echo "ok: users onboardd, groups onboard/onboard-admin/onboardd, spool modes as specified"
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "check-units: $failures check(s) failed" >&2
  exit 1
fi
echo "check-units: all checks passed"
