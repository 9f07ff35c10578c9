#!/usr/bin/env python3
"""Check recorded Account Management API calls against Acronis's OpenAPI 3.0 document.

Usage:
    contract-check.py [--spec SPEC] [--strict-responses] [--pedantic] [--coverage]
                      [--no-warnings] FILE_OR_DIR...

Each FILE is JSON Lines written by the DC simulator, one object per served call:

    {"method": "POST", "path": "/api/2/tenants", "query": {"parent_id": "..."},
     "request_content_type": "application/json", "request_body": <JSON | form string | null>,
     "status": 201, "response_body": <JSON | null>}

A DIR stands for every *.jsonl below it (recursively, sorted). --spec defaults to
../shared/acronis/account-management-v2.openapi.json relative to the repository root.

For every record the checker
  * strips the /api/2 prefix (taken from the document's `servers` URL) and matches the path
    against the document's path templates; literal segments beat parameters, compared from
    left to right (/users/check_login beats /users/{user_id}, /tenants/offering_items beats
    /tenants/{tenant_id}). An unknown path or a method the path does not declare is a violation;
  * validates path parameters, query parameter names (an undeclared name is a violation; so
    is a missing required one) and values: strings are coerced to integer/number/boolean
    where the parameter declares that type ("true"/"false" only), then the parameter schema
    (enum, pattern, minimum, format ...) is applied;
  * validates the request body against the requestBody schema for its content type: JSON as
    recorded, application/x-www-form-urlencoded parsed into a dict of strings (fields the
    schema types as boolean/integer/number are coerced first, the form serialisation of
    such values); other media types (image/png ...) are not inspected;
  * validates the response body against the response declared for exactly that status (or an
    "NXX" range, or `default`). An undeclared status is a warning, or a violation with
    --strict-responses. The body of an undeclared 4xx is still validated against the
    operation's error schema when all of its declared 4xx responses share one (errorScheme,
    tokenError ...), so the simulator's 400/409/426 envelopes are checked too. A missing body
    where JSON is declared is a violation, so is a body on a 204 that declares none (other
    statuses declaring no content: warning). Non-JSON responses (text/html ...) are skipped.

Output: one line per violation, `file:line: METHOD path -> status: <where> <json path>: message`
with <where> one of request/response/query/path/operation/record, in input order; warnings
(`file:line: warning: ...`) are interleaved unless --no-warnings. A failed oneOf (tenantBatch
and userBatch items, one alternative per `lod`) is explained by the errors of the alternative
the request's `lod` selects (default full). Then `warnings: W`, the coverage list with
--coverage, and as the last line exactly
`contract: N calls checked, M operations covered, K violations`.
Exit status: 0 no violation, 1 violations, 2 usage error, unreadable spec or missing package.
Messages never print objects, arrays or whole bodies (only "<object with 9 keys>" ...);
scalars are shortened, and those under secret-looking keys (access_token, id_token,
client_secret, password, token, assertion, code ...) are printed as <redacted str>.

Validation uses openapi-schema-validator's OAS30Validator (OAS 3.0 keywords: nullable, no
JSON Schema `null` type, draft-4 style exclusiveMinimum ...) with its OAS 3.0 format checker,
and `referencing` to resolve every $ref against the whole document. One validator is built
per schema location and reused for every record, each $ref target is looked up once, and a
body identical to one already checked against the same schema is not validated again
(about 0.5 ms per distinct call plus ~0.6 s start-up: 2,000 varied calls in ~1.7 s CPU).

Quirks of the document (account-management-v2.openapi.json, openapi 3.0.0) handled here:

 1. `nullable: true` next to allOf/oneOf instead of next to `type` (41 x `{"nullable": true,
    "allOf": [{"$ref": "#/components/schemas/item1"}]}` for deleted_at, production_start_date,
    personal_tenant_id ..., 3 x with oneOf), and `nullable: true` together with an `enum` that
    does not list null (tenant/user external_operation_status). Read literally (OAS 3.0.3,
    and openapi-schema-validator) null is then invalid, and the document's own examples fail
    (tenant.deleted_at: null ...). The validator here accepts null wherever the same schema
    object says `nullable: true` (allOf/anyOf/oneOf/enum keywords extended accordingly);
    with that, every component `example` in the document validates.
 2. `required` lists that name properties the API only returns on request: tenantBatch items
    (all three lod variants) require `offering_items`, described as "Will be returned ... if
    query param `with_offering_items` is provided"; userBatch lod=stamps, userBasic and item0
    (so also userMe, GET /users/me) require `access_policies` ("... if query param
    `with_access_policies` is provided"). Every required property whose description says it
    "will be returned ... if query param ..." is treated as optional.
 3. `format`: only `date-time`, and only on the three `updated_since` query parameters (checked,
    via rfc3339-validator when installed). Timestamps in bodies are the `item1` schema: an
    UNANCHORED pattern `\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2})?`
    with length 19..32, so "2026-01-12T08:00:00", "...Z" and "...+00:00" all pass.
 4. Patterns are unanchored (JSON Schema `pattern` is a search): `uuid` is effectively anchored
    by minLength/maxLength 36 but is lowercase-only, so an UPPER-CASE UUID (Swift's
    UUID().uuidString) is a violation, in bodies, path segments and query parameters alike.
    registrationToken.tenant_id (`\\d+`) and .token (`[A-Z0-9]{4}-...`) only need to contain
    a match.
 5. Allowance (off with --pedantic): PUT /users/{user_id}/access_policies reuses the response
    schema accessPoliciesList as its request body, which requires `timestamp` and, per item,
    the server-managed `created_at`/`updated_at`/`deleted_at`. Acronis's official examples
    send only {"items": [{id, issuer_id, role_id, tenant_id, trustee_id, trustee_type,
    version}]}, so in REQUEST bodies those four are not required (they may still be echoed).
 6. Allowance (off with --pedantic): tokenError.error's enum (totp_setup_required,
    totp_required, invalid_totp, access_denied, invalid_request) omits the RFC 6749 section 5.2
    codes; the real API answers bad client credentials with 401 {"error": "invalid_client",
    ...} (third-party tests; simulator requirement AUTH-3). The RFC 6749 codes are accepted.
 7. Success statuses are not uniform: POST /tenants -> 201, POST /users -> 200, POST
    /tenants/{tenant_id}/registration_tokens -> 200 (the deprecated POST /registration_tokens
    -> 201). Many real error statuses are not declared (POST /tenants has no 400/409, PUT
    .../offering_items no 426, PUT /tenants/{tenant_id}/pricing no 400 ...), hence only a
    warning by default; their bodies are still checked against the operation's error schema.
 8. The /idp/token form schema types `not_required_introspection` as boolean although form
    values are strings (coerced, see above), and its `scope` pattern `^[\\w_]+(\\s+[\\w_]+)*$`
    rejects the `urn:acronis.com:tenant-id:<uuid>` scope of customer-scoped tokens (not used by
    onboard; reported as the document says). Header parameters (Authorization,
    Content-Length) are not recorded and not checked.
 9. No requestBody is marked `required: true`: a missing body where one is declared is only a
    warning. Operations without a requestBody (e.g. POST /users/{user_id}/send-activation-email,
    which the official examples call with `{}`): an empty `{}` is a warning, anything else a
    violation.
10. Oddities reported as the document says, not worked around: tenantBatch's lod=full variant
    requires `barrier`, `brand_uuid`, `default_idp_id` and `contacts` although the single
    `tenant` schema does not require the first three; errorScheme requires error.code (string
    or integer), .domain (nullable), .message and .details (an object); mfaTenantStatus
    requires `users_count`/`users_with_totp_enabled_count` with empty (anything goes) schemas
    while its typed siblings `users`/`users_with_totp_enabled` are optional; GET
    /tenants/{tenant_id}/brand's `effective` is typed integer but described as a boolean.
    Several component `example`s are wrapped in {"value": ...}; they are not used here.

Requires Python 3.11 and `pip install jsonschema openapi-schema-validator` (which brings
`referencing`); openapi-schema-validator >= 0.6 and jsonschema >= 4.18.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import re
import sys
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

PIP_HINT = "pip install jsonschema openapi-schema-validator"

try:
    from jsonschema import validators as _js_validators
    from jsonschema.exceptions import ValidationError
    from openapi_schema_validator import OAS30Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4
except ImportError as exc:  # pragma: no cover - depends on the environment
    print(
        f"contract-check: missing Python package ({exc.name or exc}); install with: {PIP_HINT}",
        file=sys.stderr,
    )
    sys.exit(2)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO_ROOT / ".." / "shared" / "acronis" / "account-management-v2.openapi.json"
DOC_URI = "urn:acronis:account-management-v2:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
FORM = "application/x-www-form-urlencoded"

# Values under these keys are never printed (bodies, form fields, query parameters).
SECRET_KEYS = frozenset({
    "access_token", "id_token", "refresh_token", "client_secret", "password", "assertion",
    "token", "registration_access_token", "device_code", "code", "totp_code", "code_verifier",
    "smtp_password", "ott", "authorization",
})

# RFC 6749 section 5.2 error codes (quirk 6).
RFC6749_TOKEN_ERRORS = ("invalid_request", "invalid_client", "invalid_grant",
                        "unauthorized_client", "unsupported_grant_type", "invalid_scope")

# quirk 2: "Will be returned with all tenant offering items if query param `...` is provided."
CONDITIONAL_DESCRIPTION = re.compile(r"will be returned\b.*\bif query param", re.I | re.S)


# --------------------------------------------------------------------------- validator class

def _nullable_aware(keyword_fn):
    """Quirk 1: `nullable: true` admits null even when the schema object has no `type`."""
    def keyword(validator, value, instance, schema):
        if instance is None and schema.get("nullable") is True:
            return
        yield from keyword_fn(validator, value, instance, schema)
    return keyword


_oas_type = OAS30Validator.VALIDATORS["type"]


def _single_null_error(validator, data_type, instance, schema):
    """openapi-schema-validator reports a non-nullable null twice; keep one message."""
    errors = list(_oas_type(validator, data_type, instance, schema))
    if instance is None and len(errors) > 1:
        errors = errors[-1:]
    yield from errors


def _memoised_ref(original):
    """$ref with the referencing lookup done once per target instead of once per use.

    The document is one resource without `id`s, so a reference's target (and the resolver to
    continue with) depends only on the absolute reference. Resolution itself is still done by
    `referencing`; this only caches its answer. Falls back to the library's own keyword if
    jsonschema's internals differ from what is expected here.
    """
    cache: dict[str, Any] = {}

    def ref(validator, ref_value, instance, schema):
        key = ref_value if not ref_value.startswith("#") else DOC_URI + ref_value
        resolved = cache.get(key)
        if resolved is None:
            resolver = getattr(validator, "_resolver", None)
            if resolver is None or not hasattr(resolver, "lookup") or \
                    getattr(validator, "_ref_resolver", None) is not None or \
                    not key.startswith(DOC_URI + "#"):
                yield from original(validator, ref_value, instance, schema)
                return
            try:
                resolved = resolver.lookup(key)
            except Exception:  # let the library raise its own, better error
                yield from original(validator, ref_value, instance, schema)
                return
            cache[key] = resolved
        yield from validator.descend(instance, resolved.contents, resolver=resolved.resolver)

    return ref


def _validator_class():
    """One class per registry (request / response view), each with its own $ref memo."""
    return _js_validators.extend(
        OAS30Validator,
        {
            "allOf": _nullable_aware(OAS30Validator.VALIDATORS["allOf"]),
            "anyOf": _nullable_aware(OAS30Validator.VALIDATORS["anyOf"]),
            "oneOf": _nullable_aware(OAS30Validator.VALIDATORS["oneOf"]),
            "enum": _nullable_aware(OAS30Validator.VALIDATORS["enum"]),
            "type": _single_null_error,
            "$ref": _memoised_ref(OAS30Validator.VALIDATORS["$ref"]),
        },
    )


# --------------------------------------------------------------------------- helpers

def _esc(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unesc(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return f"<object with {len(value)} keys>"
    if isinstance(value, list):
        return f"<array of {len(value)}>"
    if isinstance(value, str):
        return f"<string of {len(value)} chars>"
    return _short(value)


def _clip(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _describe(error: ValidationError, hint: str | None = None, depth: int = 0,
              scalar_root: bool = False) -> str:
    """The error's message with its instance shortened and secrets redacted.

    Objects, arrays and whole bodies are only described (e.g. "<object with 9 keys>"); scalars
    are printed shortened, except under secret-looking keys. `scalar_root` is set for path and
    query parameter values, which are validated as roots but are worth printing.

    For a failed oneOf/anyOf the errors of one alternative are appended: the alternative whose
    title names the requested level of detail (`hint`, e.g. "lod=basic" for tenantBatch and
    userBatch items), otherwise the alternative with the fewest errors.
    """
    last = error.path[-1] if error.path else None
    message = error.message
    full = repr(error.instance)
    if isinstance(last, str) and last.lower() in SECRET_KEYS and error.instance is not None:
        if full in message:
            message = message.replace(full, f"<redacted {type(error.instance).__name__}>")
        else:
            message = f"<redacted {type(error.instance).__name__}> is invalid ({error.validator})"
    elif full in message:
        # objects, arrays and whole bodies are described, never printed (they may carry
        # credentials under any key); scalars are shortened
        whole = isinstance(error.instance, (dict, list)) or (not error.path and not scalar_root)
        message = message.replace(full, _kind(error.instance) if whole else _short(error.instance))
    if error.validator in ("oneOf", "anyOf") and error.context and depth < 2:
        branches: dict[int, list[ValidationError]] = defaultdict(list)
        for sub in error.context:
            if sub.relative_schema_path and isinstance(sub.relative_schema_path[0], int):
                branches[sub.relative_schema_path[0]].append(sub)
        chosen, label = None, ""
        if hint and isinstance(error.validator_value, list):
            for index, branch in enumerate(error.validator_value):
                title = _title_of(branch)
                if hint in title:
                    chosen, label = index, title
                    break
        if chosen is None and branches:
            chosen = min(branches, key=lambda i: (len(branches[i]), i))
            label = _title_of(error.validator_value[chosen]) or f"alternative {chosen + 1}"
        subs = sorted(branches.get(chosen, []), key=lambda e: (e.json_path, e.message))
        if subs:
            shown = "; ".join(f"{e.json_path}: {_describe(e, hint, depth + 1)}" for e in subs[:3])
            more = f" (+{len(subs) - 3} more)" if len(subs) > 3 else ""
            message += f"; against {label}: {shown}{more}"
    return message


_TITLES: dict[str, str] = {}


def _title_of(branch: Any) -> str:
    """Title of a oneOf/anyOf alternative, following a local $ref (set up by Contract)."""
    if not isinstance(branch, dict):
        return ""
    if "title" in branch:
        return str(branch["title"])
    ref = branch.get("$ref")
    return _TITLES.get(ref, "") if isinstance(ref, str) else ""


def _media_type(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.split(";", 1)[0].strip().lower()


def _is_json(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def _coerce(text: Any, schema: dict | None) -> Any:
    """Form/query serialisation: turn a string into the scalar its schema declares."""
    if not isinstance(text, str) or not isinstance(schema, dict):
        return text
    kind = schema.get("type")
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    if kind == "integer" and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if kind == "number":
        try:
            return float(text) if re.search(r"[.eE]", text) else int(text)
        except ValueError:
            return text
    return text


# --------------------------------------------------------------------------- the document

class Contract:
    def __init__(self, document: dict, pedantic: bool) -> None:
        self.raw = document
        response_doc = copy.deepcopy(document)
        self.conditional = _relax_conditional_required(response_doc)          # quirk 2
        request_doc = copy.deepcopy(response_doc)
        self.allowances: list[str] = []
        if not pedantic:
            self.allowances += _allow_access_policies_request(request_doc)    # quirk 5
            self.allowances += _allow_rfc6749_token_errors(response_doc)      # quirk 6
        self.docs = {"request": request_doc, "response": response_doc}
        self.registries = {
            ctx: Registry().with_resource(DOC_URI, Resource(contents=doc, specification=DRAFT4))
            for ctx, doc in self.docs.items()
        }
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            if isinstance(schema, dict) and "title" in schema:
                _TITLES[f"#/components/schemas/{_esc(name)}"] = str(schema["title"])
        self.classes = {ctx: _validator_class() for ctx in self.docs}
        self._schemas: dict[str, dict | None] = {}
        self._memo: dict[bytes, list[tuple[str, str]]] = {}
        self._validators: dict[tuple[str, str], Any] = {}
        self._operations: dict[tuple[str, str], dict | None] = {}
        self.prefix = _server_prefix(document)
        self.templates: dict[int, list[tuple[list[str], str]]] = defaultdict(list)
        for template in document.get("paths", {}):
            segments = template.strip("/").split("/")
            self.templates[len(segments)].append((segments, template))
        self.operation_count = sum(
            1 for item in document.get("paths", {}).values() for m in item if m in HTTP_METHODS)

    # -- lookups
    def resolve(self, pointer: str) -> Any:
        node: Any = self.raw
        for token in pointer.lstrip("/").split("/") if pointer.strip("/") else []:
            token = _unesc(token)
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def deref(self, obj: Any, pointer: str) -> tuple[Any, str]:
        """Follow $ref of non-schema objects (parameters, requestBodies, responses)."""
        seen = 0
        while isinstance(obj, dict) and isinstance(obj.get("$ref"), str) and seen < 20:
            ref = obj["$ref"]
            if not ref.startswith("#"):
                break
            pointer = ref[1:]
            obj = self.resolve(pointer)
            seen += 1
        return obj, pointer

    def schema_at(self, pointer: str) -> dict | None:
        """The schema at pointer with its own $ref chain followed (for coercion only)."""
        if pointer not in self._schemas:
            try:
                schema, _ = self.deref(self.resolve(pointer), pointer)
            except (KeyError, IndexError, ValueError):
                schema = None
            self._schemas[pointer] = schema if isinstance(schema, dict) else None
        return self._schemas[pointer]

    def validator(self, ctx: str, pointer: str):
        key = (ctx, pointer)
        found = self._validators.get(key)
        if found is None:
            cls = self.classes[ctx]
            found = cls({"$ref": f"{DOC_URI}#{pointer}"}, registry=self.registries[ctx],
                        format_checker=cls.FORMAT_CHECKER)
            self._validators[key] = found
        return found

    def problems(self, ctx: str, pointer: str, instance: Any, hint: str | None = None,
                 param: str | None = None) -> list[tuple[str, str]]:
        """(json path, message) of every schema error, memoised by content: recordings repeat
        many bodies verbatim (token answers, catalogues, polled objects)."""
        try:
            digest = hashlib.blake2b(
                json.dumps([ctx, pointer, hint, param, instance], sort_keys=True).encode(),
                digest_size=20).digest()
        except (TypeError, ValueError):
            digest = None
        if digest is not None and digest in self._memo:
            return self._memo[digest]
        errors = sorted(self.validator(ctx, pointer).iter_errors(instance),
                        key=lambda e: (e.json_path, e.message))
        if param is not None:
            found = [("", _describe_param(e, param)) for e in errors]
        else:
            found = [(e.json_path, _describe(e, hint)) for e in errors]
        if digest is not None:
            if len(self._memo) >= 100_000:
                self._memo.clear()
            self._memo[digest] = found
        return found

    def match(self, path: str) -> tuple[str, dict[str, str]] | None:
        segments = path.strip("/").split("/")
        best = None
        for tsegments, template in self.templates.get(len(segments), ()):
            score, params = [], {}
            for t, s in zip(tsegments, segments):
                if t.startswith("{") and t.endswith("}"):
                    if not s:
                        break
                    score.append(0)
                    params[t[1:-1]] = urllib.parse.unquote(s)
                elif t == s:
                    score.append(1)
                else:
                    break
            else:
                if best is None or score > best[0]:
                    best = (score, template, params)
        return None if best is None else (best[1], best[2])

    def operation(self, template: str, method: str) -> dict | None:
        key = (template, method)
        if key not in self._operations:
            self._operations[key] = self._build_operation(template, method)
        return self._operations[key]

    def _build_operation(self, template: str, method: str) -> dict | None:
        item_ptr = "/paths/" + _esc(template)
        item = self.raw["paths"][template]
        if method not in item or method not in HTTP_METHODS:
            return None
        op_ptr = f"{item_ptr}/{method}"
        op = item[method]
        params: dict[tuple[str, str], tuple[dict, str]] = {}
        for base, plist in ((item_ptr, item.get("parameters", [])),
                            (op_ptr, op.get("parameters", []))):
            for i, raw in enumerate(plist):
                param, pptr = self.deref(raw, f"{base}/parameters/{i}")
                params[(param.get("name"), param.get("in"))] = (param, pptr)
        responses = {}
        for status, raw in op.get("responses", {}).items():
            resp, rptr = self.deref(raw, f"{op_ptr}/responses/{_esc(str(status))}")
            responses[str(status)] = (resp, rptr)
        error_schema = None
        error_ptrs = {}
        for status, (resp, rptr) in responses.items():
            media = (resp.get("content") or {}).get("application/json")
            if status.startswith("4") and media and "schema" in media:
                error_ptrs.setdefault(json.dumps(media["schema"], sort_keys=True),
                                      f"{rptr}/content/{_esc('application/json')}/schema")
        if len(error_ptrs) == 1:
            error_schema = next(iter(error_ptrs.values()))
        request_body = None
        if "requestBody" in op:
            request_body = self.deref(op["requestBody"], f"{op_ptr}/requestBody")
        return {
            "template": template, "method": method, "ptr": op_ptr,
            "query": {n: v for (n, where), v in params.items() if where == "query"},
            "path": {n: v for (n, where), v in params.items() if where == "path"},
            "request_body": request_body, "responses": responses, "error_schema": error_schema,
        }


def _server_prefix(document: dict) -> str:
    for server in document.get("servers", []):
        path = urllib.parse.urlparse(server.get("url", "")).path.rstrip("/")
        if path:
            return path
    return "/api/2"


def _relax_conditional_required(doc: dict) -> list[str]:
    changed: list[str] = []

    def walk(node: Any, pointer: str) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            required = node.get("required")
            if isinstance(props, dict) and isinstance(required, list):
                drop = [name for name in required
                        if isinstance(props.get(name), dict)
                        and CONDITIONAL_DESCRIPTION.search(props[name].get("description", ""))]
                if drop:
                    node["required"] = [name for name in required if name not in drop]
                    changed.extend(f"{pointer}/required/{name}" for name in drop)
            for key, value in node.items():
                if key not in ("example", "examples"):
                    walk(value, f"{pointer}/{_esc(key)}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{pointer}/{i}")

    walk(doc.get("components", {}), "#/components")
    walk(doc.get("paths", {}), "#/paths")
    return changed


def _allow_access_policies_request(doc: dict) -> list[str]:
    schema = doc.get("components", {}).get("schemas", {}).get("accessPoliciesList")
    if not isinstance(schema, dict):
        return []
    done = []
    if "timestamp" in schema.get("required", []):
        schema["required"] = [n for n in schema["required"] if n != "timestamp"]
        done.append("accessPoliciesList.timestamp optional in requests")
    item = schema.get("properties", {}).get("items", {}).get("items", {})
    managed = {"created_at", "updated_at", "deleted_at"}
    if isinstance(item, dict) and managed & set(item.get("required", [])):
        item["required"] = [n for n in item["required"] if n not in managed]
        done.append("accessPoliciesList.items[].created_at/updated_at/deleted_at optional in requests")
    return done


def _allow_rfc6749_token_errors(doc: dict) -> list[str]:
    prop = (doc.get("components", {}).get("schemas", {}).get("tokenError", {})
            .get("properties", {}).get("error"))
    if not isinstance(prop, dict) or not isinstance(prop.get("enum"), list):
        return []
    extra = [c for c in RFC6749_TOKEN_ERRORS if c not in prop["enum"]]
    prop["enum"] = prop["enum"] + extra
    return [f"tokenError.error also accepts {', '.join(extra)}"] if extra else []


# --------------------------------------------------------------------------- checking

class Report:
    def __init__(self, show_warnings: bool) -> None:
        self.show_warnings = show_warnings
        self.violations = 0
        self.warnings = 0
        self.calls = 0
        self.seen: Counter[tuple[str, str]] = Counter()
        self.statuses: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)

    def emit(self, level: str, where: str, ctx: dict, place: str, jpath: str, message: str) -> None:
        call = f"{ctx['method']} {ctx['path']} -> {ctx['status']}: " if ctx else ""
        detail = _clip(f"{call}{place} {jpath}: {message}" if jpath else f"{call}{place}: {message}")
        if level == "violation":
            self.violations += 1
            print(f"{where}: {detail}")
        else:
            self.warnings += 1
            if self.show_warnings:
                print(f"{where}: warning: {detail}")


def check_record(contract: Contract, record: Any, where: str, report: Report,
                 strict_responses: bool) -> None:
    if not isinstance(record, dict) or not all(k in record for k in ("method", "path", "status")):
        report.emit("violation", where, {}, "record", "", "not a call record (needs method, path, status)")
        return
    report.calls += 1
    method = str(record["method"]).lower()
    raw_path, _, query_string = str(record["path"]).partition("?")
    status = str(record["status"])
    ctx = {"method": method.upper(), "path": raw_path, "status": status}

    def violation(place: str, jpath: str, message: str) -> None:
        report.emit("violation", where, ctx, place, jpath, message)

    def warning(place: str, jpath: str, message: str) -> None:
        report.emit("warning", where, ctx, place, jpath, message)

    prefix = contract.prefix
    if not (raw_path == prefix or raw_path.startswith(prefix + "/")):
        violation("operation", "", f"path is outside {prefix}")
        return
    path = raw_path[len(prefix):] or "/"
    matched = contract.match(path)
    if matched is None:
        violation("operation", "", "no path template of the document matches")
        return
    template, path_params = matched
    op = contract.operation(template, method)
    if op is None:
        declared = sorted(m.upper() for m in contract.raw["paths"][template] if m in HTTP_METHODS)
        violation("operation", "", f"method not declared for {template} (declared: {', '.join(declared)})")
        return
    report.seen[(method.upper(), template)] += 1
    report.statuses[(method.upper(), template)][status] += 1

    # -- path parameters
    for name, value in sorted(path_params.items()):
        declared = op["path"].get(name)
        if declared is None:
            warning("path", f"{{{name}}}", "path parameter not declared by the operation")
            continue
        param, pptr = declared
        if "schema" in param:
            value = _coerce(value, contract.schema_at(pptr + "/schema"))
            for _, message in contract.problems("request", pptr + "/schema", value, param=name):
                violation("path", f"{{{name}}}", message)

    # -- query parameters
    query = record.get("query") or {}
    if not query and query_string:  # a recorder that left the query string in the path
        pairs: dict[str, list[str]] = {}
        for key, value in urllib.parse.parse_qsl(query_string, keep_blank_values=True):
            pairs.setdefault(key, []).append(value)
        query = {k: v[0] if len(v) == 1 else v for k, v in pairs.items()}
    if not isinstance(query, dict):
        violation("query", "", f"query is not an object: {_short(query)}")
        query = {}
    for name in sorted(query):
        declared = op["query"].get(name)
        if declared is None:
            names = ", ".join(sorted(op["query"])) or "none"
            violation("query", name, f"query parameter not declared by the operation (declared: {names})")
            continue
        param, pptr = declared
        values = query[name] if isinstance(query[name], list) else [query[name]]
        if len(values) > 1:
            violation("query", name, f"query parameter repeated {len(values)} times")
        if "schema" not in param:
            continue
        schema = contract.schema_at(pptr + "/schema")
        for value in values:
            for _, message in contract.problems("request", pptr + "/schema", _coerce(value, schema),
                                                param=name):
                violation("query", name, message)
    for name, (param, _) in sorted(op["query"].items()):
        if param.get("required") and name not in query:
            violation("query", name, "required query parameter is missing")

    # -- request body
    check_request(contract, op, record, violation, warning)

    # -- response body; tenantBatch/userBatch items are a oneOf over lod=stamps|basic|full
    lod = query.get("lod")
    if lod is None and "lod" in op["query"]:
        lod = (contract.schema_at(op["query"]["lod"][1] + "/schema") or {}).get("default")
    hint = f"lod={lod}" if isinstance(lod, str) else None
    check_response(contract, op, record, status, strict_responses, violation, warning, hint)


def _describe_param(err: ValidationError, name: str) -> str:
    if name.lower() in SECRET_KEYS:
        return f"value is invalid ({err.validator} {_short(err.validator_value)})"
    return _describe(err, scalar_root=True)


def check_request(contract: Contract, op: dict, record: dict, violation, warning) -> None:
    body = record.get("request_body")
    media = _media_type(record.get("request_content_type"))
    if op["request_body"] is None:
        if body is None or body == "":
            return
        if body == {}:
            warning("request", "$", "the operation declares no request body; an empty {} was sent")
        else:
            violation("request", "$", "the operation declares no request body, but one was sent")
        return
    request_body, rb_ptr = op["request_body"]
    content = request_body.get("content") or {}
    if body is None or body == "":
        level = violation if request_body.get("required") else warning
        level("request", "$", f"no request body sent (document declares {', '.join(content) or 'one'})")
        return
    if media is None:
        media = FORM if isinstance(body, str) and FORM in content else "application/json"
    if media not in content:
        violation("request", "$", f"content type {media} not declared (declared: {', '.join(content)})")
        return
    if "schema" not in content[media]:
        return
    schema_ptr = f"{rb_ptr}/content/{_esc(media)}/schema"
    if _is_json(media):
        instance = body
    elif media == FORM:
        instance = _parse_form(body, contract.schema_at(schema_ptr), contract)
        if instance is None:
            violation("request", "$", f"form body is not a string or object: {_short(type(body).__name__)}")
            return
    else:
        return  # binary and other media types are not inspected
    for jpath, message in contract.problems("request", schema_ptr, instance):
        violation("request", jpath, message)


def _parse_form(body: Any, schema: dict | None, contract: Contract) -> dict | None:
    fields: dict[str, Any] = {}
    if isinstance(body, dict):
        fields.update(body)
    elif isinstance(body, str):
        for key, value in urllib.parse.parse_qsl(body, keep_blank_values=True):
            if key in fields:
                previous = fields[key]
                fields[key] = (previous if isinstance(previous, list) else [previous]) + [value]
            else:
                fields[key] = value
    else:
        return None
    props = (schema or {}).get("properties") or {}
    for key, value in fields.items():
        prop = props.get(key)
        if isinstance(prop, dict) and "$ref" in prop:
            prop = contract.schema_at(prop["$ref"][1:]) if prop["$ref"].startswith("#") else None
        fields[key] = _coerce(value, prop)
    return fields


def _response_for(op: dict, status: str) -> tuple[dict, str] | None:
    responses = op["responses"]
    if status in responses:
        return responses[status]
    ranged = f"{status[:1]}XX"
    for key in (ranged, ranged.lower()):
        if key in responses:
            return responses[key]
    return responses.get("default")


def check_response(contract: Contract, op: dict, record: dict, status: str, strict: bool,
                   violation, warning, hint: str | None = None) -> None:
    body = record.get("response_body")
    declared = _response_for(op, status)
    if declared is None:
        statuses = ", ".join(op["responses"]) or "none"
        (violation if strict else warning)(
            "response", "", f"status {status} is not declared for this operation (declared: {statuses})")
        if status.startswith("4") and body is not None and op["error_schema"]:
            for jpath, message in contract.problems("response", op["error_schema"], body):
                violation("response", jpath, message + " (operation's error schema)")
        return
    response, rptr = declared
    content = response.get("content") or {}
    if not content:
        if body is not None and body != "":
            (violation if status == "204" else warning)(
                "response", "$", f"the document declares no body for {status}, but one was sent")
        return
    json_media = next((m for m in content if _is_json(m)), None)
    if json_media is None or "schema" not in content[json_media]:
        return  # text/html, image/png ... are not inspected
    if body is None:
        violation("response", "$", f"no response body, but the document declares {json_media}")
        return
    pointer = f"{rptr}/content/{_esc(json_media)}/schema"
    for jpath, message in contract.problems("response", pointer, body, hint=hint):
        violation("response", jpath, message)


# --------------------------------------------------------------------------- driver

def _inputs(args: list[str]) -> list[Path]:
    files: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.jsonl") if p.is_file())
            if not found:
                print(f"contract-check: no *.jsonl files in {arg}", file=sys.stderr)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            print(f"contract-check: no such file or directory: {arg}", file=sys.stderr)
            sys.exit(2)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="contract-check.py",
        description="Validate recorded Account Management API calls against the OpenAPI document.")
    parser.add_argument("--spec", default=str(DEFAULT_SPEC),
                        help="OpenAPI document (default: %(default)s)")
    parser.add_argument("--strict-responses", action="store_true",
                        help="an undeclared response status is a violation, not a warning")
    parser.add_argument("--pedantic", action="store_true",
                        help="apply the document literally: drop the allowances (docstring quirks 5, 6)")
    parser.add_argument("--coverage", action="store_true",
                        help="list the (method, path template) pairs seen")
    parser.add_argument("--no-warnings", action="store_true", help="do not print warnings")
    parser.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR")
    args = parser.parse_args(argv)

    try:
        with open(args.spec, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, ValueError) as exc:
        print(f"contract-check: cannot read OpenAPI document {args.spec}: {exc}", file=sys.stderr)
        return 2
    if not str(document.get("openapi", "")).startswith("3.0"):
        print(f"contract-check: {args.spec} is not an OpenAPI 3.0 document", file=sys.stderr)
        return 2
    contract = Contract(document, pedantic=args.pedantic)
    try:
        contract.validator("response", "/openapi")
    except TypeError as exc:  # jsonschema < 4.18 has no `registry`
        print(f"contract-check: jsonschema/openapi-schema-validator too old ({exc}); "
              f"upgrade with: {PIP_HINT.replace('install', 'install -U')}", file=sys.stderr)
        return 2
    files = _inputs(args.inputs)
    if not files:
        print("contract-check: nothing to check", file=sys.stderr)
        return 2

    report = Report(show_warnings=not args.no_warnings)
    for file in files:
        try:
            handle = open(file, encoding="utf-8", errors="replace")
        except OSError as exc:
            print(f"contract-check: cannot read {file}: {exc}", file=sys.stderr)
            return 2
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{file}:{number}"
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    report.emit("violation", where, {}, "record", "", f"invalid JSON: {exc}")
                    continue
                check_record(contract, record, where, report, args.strict_responses)

    if report.warnings:
        print(f"warnings: {report.warnings}" + ("" if report.show_warnings else " (not shown)"))
    if args.coverage:
        print(f"coverage: {len(report.seen)} of {contract.operation_count} documented operations seen")
        for (method, template), count in sorted(report.seen.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            statuses = ", ".join(f"{s}x{n}" for s, n in sorted(report.statuses[(method, template)].items()))
            print(f"  {method:6} {template}  {count} call{'s' if count != 1 else ''} ({statuses})")
    print(f"contract: {report.calls} calls checked, {len(report.seen)} operations covered, "
          f"{report.violations} violations")
    return 1 if report.violations else 0


if __name__ == "__main__":
    sys.exit(main())
