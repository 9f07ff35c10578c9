import Hummingbird

/// An Account Management API error, answered with the `errorScheme` envelope.
///
/// Wire shape (GEN-1, [SPEC] schema `errorScheme`, [DOC-CODES]):
/// `{"error":{"code":…,"domain":"PlatformAccountServer","message":…,"details":{"info":…},"context":{},"data":[]}}`.
/// `code` is an Account Management code from [DOC-ERR] (1001, 1004, …) where one exists, otherwise the HTTP status,
/// as observed in the wild ([3P: sandwave-io/acronis-php tests]: `code` 400, `domain` `PlatformAccountServer`).
struct APIError: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// `error.code`: an Account Management code or the HTTP status.
    var code: Int
    /// `error.message`: says what is wrong.
    var message: String
    /// Extra response headers (e.g. `Retry-After`, `WWW-Authenticate`).
    var headers: HTTPFields = [:]
    /// Value of `error.context`.
    var context: [String: JSON] = [:]

    init(status: Int, code: Int? = nil, _ message: String, headers: HTTPFields = [:]) {
        self.status = HTTPResponse.Status(code: status)
        self.code = code ?? status
        self.message = message
        self.headers = headers
    }

    /// The envelope body.
    var body: JSON {
        [
            "error": [
                "code": .int(code),
                "domain": "PlatformAccountServer",
                "message": .string(message),
                "details": ["info": .string(message)],
                "context": .object(context),
                "data": [],
            ]
        ]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status: status, body: body, headers: headers)
    }
}

extension APIError {
    /// 400 with `error.code` 400: the request is malformed or breaks a documented rule ([DOC-CODES]).
    static func badRequest(_ message: String) -> APIError { APIError(status: 400, message) }
    /// 401: missing, unknown, expired or revoked bearer token (AUTH-2, [DOC-AUTH]).
    static func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, message, headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""])
    }
    /// 403 / 1002 "access denied": the object is outside the caller's subtree (GEN-2, [DOC-CODES], [DOC-ERR]).
    static func forbidden(_ message: String) -> APIError { APIError(status: 403, code: 1002, message) }
    /// 404 for an unknown object.
    static func notFound(_ message: String) -> APIError { APIError(status: 404, message) }
    /// 404 / 1005 "tenant not found" ([DOC-ERR]).
    static func tenantNotFound(_ id: String) -> APIError {
        APIError(status: 404, code: 1005, "Tenant '\(id)' was not found")
    }
    /// 409 / 1001 "version mismatch" (TEN-5, USR-7, [SPEC], [DOC-ERR]).
    static func versionConflict(_ what: String, sent: Int, current: Int) -> APIError {
        APIError(
            status: 409,
            code: 1001,
            "Version mismatch for \(what): the request carries version \(sent) but the current version is \(current); read it again and retry"
        )
    }
    /// 415: the body is not `application/json` (GEN-1, [SPEC], [DOC-CODES]).
    static func unsupportedMediaType(_ message: String) -> APIError { APIError(status: 415, message) }
}
