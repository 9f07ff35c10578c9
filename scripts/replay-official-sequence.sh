#!/usr/bin/env bash
# Replays the official onboarding sequence (acronis-api.md §1) against a running onboard-dcsim with curl and
# checks every answer with python3. Exits non-zero on the first deviation.
#
# Usage: scripts/replay-official-sequence.sh SIM_URL CLIENT_ID CLIENT_SECRET
#   e.g. scripts/replay-official-sequence.sh http://127.0.0.1:8080 c0000000-0000-4000-8000-000000000001 sim-client-secret
#
# Sequence: token → GET client → create customer → available_for_child?edition=pck_per_workload → PUT with two
# backup storages rejected with 1015 and nothing changed → PUT with one storage per capability → check_login →
# create user → company_admin policy → weak password rejected → strong password activates → registration token.
set -euo pipefail

if [[ $# -ne 3 ]]; then
    echo "usage: $0 SIM_URL CLIENT_ID CLIENT_SECRET" >&2
    exit 2
fi
API="${1%/}/api/2"
CLIENT_ID="$2"
CLIENT_SECRET="$3"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SUFFIX="$(date +%s)-$RANDOM"
STEP=0
TOKEN=""

fail() { echo "DEVIATION in step $STEP: $*" >&2; exit 1; }

# call METHOD PATH [JSON-BODY]: sets STATUS and writes the response body to $WORK/body.json
call() {
    local method="$1" path="$2" body="${3:-}"
    local args=(-sS -o "$WORK/body.json" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN")
    if [[ -n "$body" ]]; then
        printf '%s' "$body" > "$WORK/request.json"
        args+=(-H 'Content-Type: application/json' --data-binary "@$WORK/request.json")
    fi
    echo "+ curl -X $method $API$path${body:+ -d '$body'}"
    STATUS="$(curl "${args[@]}" "$API$path")"
    echo "  → $STATUS $(head -c 300 "$WORK/body.json")"
    echo
}

# expect_status CODE
expect_status() { [[ "$STATUS" == "$1" ]] || fail "expected HTTP $1, got $STATUS: $(cat "$WORK/body.json")"; }

# py EXPRESSION: evaluates a python expression with `r` = the last response body; prints the result
py() {
    python3 - "$WORK/body.json" "$1" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    text = f.read()
r = json.loads(text) if text.strip() else None
value = eval(sys.argv[2])
print(value if not isinstance(value, (dict, list)) else json.dumps(value))
PY
}

# check EXPRESSION MESSAGE: fails unless the python expression is true
check() { [[ "$(py "$1")" == "True" ]] || fail "$2 (check: $1; body: $(head -c 500 "$WORK/body.json"))"; }

STEP=1; echo "## $STEP. POST /idp/token (client_credentials, Basic auth)"
echo "+ curl -X POST $API/idp/token -u <client_id>:<secret> -d grant_type=client_credentials"
STATUS="$(curl -sS -o "$WORK/body.json" -w '%{http_code}' -u "$CLIENT_ID:$CLIENT_SECRET" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data 'grant_type=client_credentials' "$API/idp/token")"
echo "  → $STATUS (token redacted)"; echo
expect_status 200
check "r['token_type'] == 'bearer' and bool(r['access_token']) and bool(r['id_token'])" "token response incomplete"
check "'expires_on' in r" "token response lacks expires_on"
TOKEN="$(py "r['access_token']")"

STEP=2; echo "## $STEP. GET /clients/{client_id}"
call GET "/clients/$CLIENT_ID"
expect_status 200
PARTNER="$(py "r['tenant_id']")"

STEP=3; echo "## $STEP. POST /tenants (customer)"
CUSTOMER_NAME="Replay Customer $SUFFIX"
call POST /tenants "{\"name\":\"$CUSTOMER_NAME\",\"parent_id\":\"$PARTNER\",\"kind\":\"customer\"}"
expect_status 201
check "r['pricing_mode'] == 'trial' and isinstance(r['version'], int) and r['kind'] == 'customer'" "new customer is not a trial customer with an integer version"
CUSTOMER="$(py "r['id']")"

STEP=4; echo "## $STEP. GET available_for_child?kind=customer&edition=pck_per_workload"
call GET "/tenants/$PARTNER/offering_items/available_for_child?kind=customer&edition=pck_per_workload"
expect_status 200
check "len(r['items']) > 0 and all(i['edition'] in ('pck_per_workload', None) for i in r['items'])" "catalogue holds items of other editions"
check "len({i['infra_id'] for i in r['items'] if i['name'] == 'pw_base_storage'}) >= 2" "fewer than two backup storages offered"
cp "$WORK/body.json" "$WORK/catalogue.json"
INFRA_IDS="$(py "','.join(sorted({i['infra_id'] for i in r['items'] if 'infra_id' in i}))")"

STEP=5; echo "## $STEP. GET /infra?uuids=…"
call GET "/infra?uuids=$INFRA_IDS"
expect_status 200
check "all('capabilities' in i and 'platform_owned' in i and 'location_id' in i for i in r['items'])" "infra objects incomplete"
# One infra per capability: prefer platform-owned components.
KEEP="$(py "','.join(sorted({c: i['id'] for i in sorted(r['items'], key=lambda i: i['platform_owned']) for c in i['capabilities']}.values()))")"

STEP=6; echo "## $STEP. PUT offering_items with two backup storages → 1015, nothing changed"
ALL_ITEMS="$(python3 -c "import json; print(json.dumps({'offering_items': json.load(open('$WORK/catalogue.json'))['items']}))")"
call PUT "/tenants/$CUSTOMER/offering_items" "$ALL_ITEMS"
[[ "$STATUS" == 4* ]] || fail "expected a 4xx, got $STATUS"
check "r['error']['code'] == 1015" "expected error.code 1015"
call GET "/tenants/$CUSTOMER/offering_items?edition=*&status=1"
expect_status 200
check "r['items'] == []" "the rejected PUT changed items"

STEP=7; echo "## $STEP. PUT offering_items with one storage per capability"
ONE_STORAGE="$(python3 -c "
import json
keep = set('$KEEP'.split(','))
items = [i for i in json.load(open('$WORK/catalogue.json'))['items'] if i.get('infra_id') is None or i['infra_id'] in keep]
print(json.dumps({'offering_items': items}))")"
call PUT "/tenants/$CUSTOMER/offering_items" "$ONE_STORAGE"
expect_status 200
check "len({i['infra_id'] for i in r['items'] if i['name'] == 'pw_base_storage' and i['status'] == 1}) == 1" "not exactly one backup storage enabled"
call GET "/tenants/$CUSTOMER/applications"
expect_status 200
check "'6e6d758d-8e74-3ae3-ac84-50eb0dff12eb' in r['items']" "Cyber Protection not bound after enabling its items"

STEP=8; echo "## $STEP. GET /users/check_login"
LOGIN="replay.admin.$SUFFIX"
call GET "/users/check_login?username=$LOGIN"
expect_status 204

STEP=9; echo "## $STEP. POST /users"
call POST /users "{\"tenant_id\":\"$CUSTOMER\",\"login\":\"$LOGIN\",\"contact\":{\"email\":\"admin-$SUFFIX@replay.example\",\"firstname\":\"Robin\",\"lastname\":\"Replay\"}}"
[[ "$STATUS" == 200 || "$STATUS" == 201 ]] || fail "expected 200 or 201, got $STATUS"
check "r['activated'] is False and isinstance(r['version'], int) and bool(r['personal_tenant_id'])" "new user not shaped as expected"
USER="$(py "r['id']")"
PERSONAL="$(py "r['personal_tenant_id']")"

STEP=10; echo "## $STEP. PUT /users/{id}/access_policies (company_admin)"
call PUT "/users/$USER/access_policies" "{\"items\":[{\"id\":\"00000000-0000-0000-0000-000000000000\",\"issuer_id\":\"00000000-0000-0000-0000-000000000000\",\"role_id\":\"company_admin\",\"tenant_id\":\"$CUSTOMER\",\"trustee_id\":\"$USER\",\"trustee_type\":\"user\",\"version\":0}]}"
expect_status 200
check "[p['role_id'] for p in r['items']] == ['company_admin']" "policy set differs"

STEP=11; echo "## $STEP. POST /users/{id}/password with a weak password → 400"
call POST "/users/$USER/password" "{\"password\":\"$LOGIN-1\"}"
expect_status 400
call GET "/users/$USER"
check "r['activated'] is False" "a rejected password activated the user"

STEP=12; echo "## $STEP. POST /users/{id}/password with a strong password → 204, activated"
call POST "/users/$USER/password" '{"password":"Tq7#vLm2!pXz"}'
expect_status 204
call GET "/users/$USER"
check "r['activated'] is True" "user not activated"

STEP=13; echo "## $STEP. POST /tenants/{personal}/registration_tokens"
call POST "/tenants/$PERSONAL/registration_tokens" '{"expires_in":3600,"scopes":["urn:acronis.com:tenant-id::backup_agent_admin"]}'
expect_status 200
check "__import__('re').fullmatch(r'[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}', r['token']) is not None" "token format"
check "r['tenant_uuid'] == '$PERSONAL' and r['tenant_id'].isdigit()" "token tenant ids"

echo "OK: the official sequence replayed without deviation"
