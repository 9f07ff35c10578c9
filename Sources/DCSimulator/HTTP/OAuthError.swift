import Hummingbird

/// An error of `POST /idp/token`, answered in the OAuth shape, not the envelope.
///
/// Shape: schema `tokenError` `{error, error_description}` ([SPEC]); bad client credentials add `domain` and `reason`
/// (AUTH-3, [3P: sandwave-io/acronis-php tests]: `domain` `Access`, `reason` `InvalidClient`, `error` `invalid_client`).
struct OAuthError: Error, HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var error: String
    var description: String
    var domain: String?
    var reason: String?

    var body: JSON {
        var object: [String: JSON] = ["error": .string(error), "error_description": .string(description)]
        if let domain { object["domain"] = .string(domain) }
        if let reason { object["reason"] = .string(reason) }
        return .object(object)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if status.code == 401 { headers[.wwwAuthenticate] = "Basic realm=\"idp\"" }
        return JSONResponse.make(status: status, body: body, headers: headers)
    }

    /// 400 `invalid_request` ([SPEC] `tokenError`).
    static func invalidRequest(_ description: String) -> OAuthError {
        OAuthError(status: .badRequest, error: "invalid_request", description: description)
    }

    /// 401 `invalid_client` with `domain`/`reason` (AUTH-3, [3P: sandwave tests]).
    static func invalidClient(_ description: String) -> OAuthError {
        OAuthError(
            status: .unauthorized,
            error: "invalid_client",
            description: description,
            domain: "Access",
            reason: "InvalidClient"
        )
    }

    /// 401 `access_denied` for a wrong user name or password (password grant; enum value of [SPEC] `tokenError`).
    static func accessDenied(_ description: String) -> OAuthError {
        OAuthError(status: .unauthorized, error: "access_denied", description: description, domain: "Access", reason: "InvalidCredentials")
    }
}
