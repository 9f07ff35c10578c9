#!/usr/bin/env bash
# Self-test for scripts/contract-check.py against the hand-made recordings in
# scripts/contract-fixtures/: valid.jsonl must pass, invalid.jsonl must fail with exactly the
# violations listed below.
#
# Usage: scripts/contract-check-selftest.sh [SPEC]
#   SPEC defaults to the checker's own default (../shared/acronis/account-management-v2.openapi.json
#   relative to the repository root).
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
CHECK=(scripts/contract-check.py)
if [[ $# -ge 1 ]]; then
    CHECK+=(--spec "$1")
fi
FIX=scripts/contract-fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# run NAME EXPECTED_EXIT ARGS... : runs the checker, keeps stdout in $tmp/NAME.out
run() {
    local name=$1 expected=$2 rc=0
    shift 2
    "$PYTHON" "${CHECK[@]}" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
    if [[ $rc -ne $expected ]]; then
        fail "$name: exit status $rc, expected $expected"
        sed 's/^/    /' "$tmp/$name.out" "$tmp/$name.err"
    fi
}

expect_summary() {
    local name=$1 expected=$2 actual
    actual=$(tail -n 1 "$tmp/$name.out")
    [[ "$actual" == "$expected" ]] || fail "$name: summary is '$actual', expected '$expected'"
}

# 1. valid recordings pass (the undeclared 409 on POST /tenants is only a warning)
run valid 0 "$FIX/valid.jsonl"
expect_summary valid "contract: 16 calls checked, 14 operations covered, 0 violations"
grep -q '^warnings: 1$' "$tmp/valid.out" || fail "valid: expected exactly one warning"

# 2. invalid recordings fail with exactly these violations
cat >"$tmp/expected" <<EOF
$FIX/invalid.jsonl:1: POST /api/2/tenants -> 400: request \$: Additional properties are not allowed ('customer-id' was unexpected)
$FIX/invalid.jsonl:2: PUT /api/2/tenants/c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d/offering_items -> 400: request \$: 'offering_items' is a required property
$FIX/invalid.jsonl:2: PUT /api/2/tenants/c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d/offering_items -> 400: request \$: Additional properties are not allowed ('items' was unexpected)
$FIX/invalid.jsonl:3: GET /api/2/tenants/c1a2b3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d -> 200: response \$: 'pricing_mode' is a required property
EOF
run invalid 1 "$FIX/invalid.jsonl"
grep -v -e ': warning: ' -e '^warnings: ' -e '^contract: ' "$tmp/invalid.out" >"$tmp/invalid.violations" || true
if ! diff -u "$tmp/expected" "$tmp/invalid.violations" >"$tmp/invalid.diff"; then
    fail "invalid: violations differ from the expected ones"
    sed 's/^/    /' "$tmp/invalid.diff"
fi
expect_summary invalid "contract: 3 calls checked, 3 operations covered, 4 violations"

# 3. options: --strict-responses turns the undeclared 409 into a violation; --pedantic drops the
#    allowances (access_policies request without server fields, 401 invalid_client)
run strict 1 --strict-responses "$FIX/valid.jsonl"
expect_summary strict "contract: 16 calls checked, 14 operations covered, 1 violations"
run pedantic 1 --pedantic "$FIX/valid.jsonl"
expect_summary pedantic "contract: 16 calls checked, 14 operations covered, 5 violations"

# 4. a directory argument means every *.jsonl inside
run directory 1 "$FIX"
expect_summary directory "contract: 19 calls checked, 15 operations covered, 4 violations"

# 5. usage errors exit 2
run missing 2 --spec "$tmp/no-such-spec.json" "$FIX/valid.jsonl"

if [[ $failures -ne 0 ]]; then
    echo "contract-check self-test: $failures failure(s)"
    exit 1
fi
echo "contract-check self-test: OK"
