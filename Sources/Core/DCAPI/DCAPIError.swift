import Foundation

/// The one error type of the DC API client.
///
/// It carries what the data centre said (HTTP status, Acronis `error.code` and `domain`, the OAuth
/// `error` of `/idp/token`) and which call failed, never a secret: no header, token, password or
/// request body ever reaches it.
public struct DCAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case badCredentials
            case unauthorized
            case forbidden
            case notFound
            case conflict
            case quotaVersionMismatch
            case rejected
            case serverError
            case outcomeUnknown
            case unavailable
            case invalidResponse
            case incompleteList
            case cancelled
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// `/idp/token` refused the client id or secret.
        public static let badCredentials = Code(.badCredentials)
        /// A call got 401 even with a freshly issued token.
        public static let unauthorized = Code(.unauthorized)
        /// 403: the object is outside the partner's subtree, or the operation needs other rights.
        public static let forbidden = Code(.forbidden)
        /// 404: no such object or endpoint.
        public static let notFound = Code(.notFound)
        /// 409: stale `version`, name or login taken, or the object exists already.
        public static let conflict = Code(.conflict)
        /// 426: an offering item's `quota.version` did not match (re-read and retry once).
        public static let quotaVersionMismatch = Code(.quotaVersionMismatch)
        /// Any other 4xx: the DC rejected the request; `message` says why.
        public static let rejected = Code(.rejected)
        /// A 5xx that was not (or could no longer be) retried.
        public static let serverError = Code(.serverError)
        /// A `POST` may or may not have taken effect; look up what it may have created.
        public static let outcomeUnknown = Code(.outcomeUnknown)
        /// The DC could not be reached, or kept failing until the retry budget ran out.
        public static let unavailable = Code(.unavailable)
        /// The DC answered something that does not decode as the documented response.
        public static let invalidResponse = Code(.invalidResponse)
        /// A paged list could not be read to its end.
        public static let incompleteList = Code(.incompleteList)
        /// The caller was cancelled (for example at shutdown) before the call completed.
        public static let cancelled = Code(.cancelled)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// The call, as `METHOD /path` (no query string).
    public var operation: String
    /// HTTP status, when the DC answered.
    public var status: Int?
    /// Acronis `error.code` when it is an integer (e.g. 1004 name taken, 1015 storage conflict).
    public var acronisCode: Int?
    /// Acronis `error.domain`, e.g. `PlatformAccountServer`.
    public var domain: String?
    /// OAuth `error` of `/idp/token`, e.g. `invalid_client`.
    public var oauthError: String?
    /// What the DC or the client said about the failure.
    public var message: String

    public init(
        code: Code, operation: String, status: Int? = nil, acronisCode: Int? = nil, domain: String? = nil,
        oauthError: String? = nil, message: String
    ) {
        self.code = code
        self.operation = operation
        self.status = status
        self.acronisCode = acronisCode
        self.domain = domain
        self.oauthError = oauthError
        self.message = message
    }

    public var description: String {
        var parts = ["\(operation) failed"]
        if let status { parts.append("HTTP \(status)") }
        if let acronisCode { parts.append("Acronis error \(acronisCode)") }
        if let oauthError { parts.append(oauthError) }
        return parts.joined(separator: ", ") + ": " + message + hint
    }

    /// What the operator can do about it.
    private var hint: String {
        switch code {
        case .badCredentials:
            " (check the API client id and secret of this partner account; a reset secret invalidates the old one)"
        case .unauthorized:
            " (a fresh token was refused: the API client may be disabled or its secret reset)"
        case .forbidden:
            " (the object is outside the partner tenant of this API client, or the client lacks the rights)"
        case .outcomeUnknown:
            " (the request may have taken effect; look up what it may have created before trying again)"
        case .unavailable:
            " (the data centre is unreachable or overloaded; it will be retried later)"
        case .invalidResponse:
            " (the data centre answered something onboard does not understand; report this with the request log)"
        default:
            ""
        }
    }

    // MARK: Well-known Acronis error codes (acronis-api.md §8.4)

    /// 1004: the tenant name is already used.
    public var isNameTaken: Bool { acronisCode == 1004 }
    /// 1001, or a 409 on an update: the `version` sent was stale.
    public var isVersionConflict: Bool { acronisCode == 1001 }
    /// 1015 (infrastructure component conflict) or 1031 (location conflict).
    public var isStorageConflict: Bool { acronisCode == 1015 || acronisCode == 1031 }
    /// 1021: the offering item is not available to this tenant.
    public var isItemUnavailable: Bool { acronisCode == 1021 }
}

extension DCAPIError {
    /// Decodes an error response: the OAuth shape when the top-level `error` is a string, the
    /// Acronis envelope when it is an object, raw text otherwise (acronis-api.md §8.1).
    static func from(response: DCHTTPResponse, operation: String) -> DCAPIError {
        let code = code(forStatus: response.status)
        var error = DCAPIError(code: code, operation: operation, status: response.status, message: "")
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        if let oauth = object?["error"] as? String {
            error.oauthError = oauth
            error.domain = object?["domain"] as? String
            error.message = (object?["error_description"] as? String) ?? oauth
            if response.status == 401 || oauth == "invalid_client" { error.code = .badCredentials }
        } else if let envelope = object?["error"] as? [String: Any] {
            if let number = envelope["code"] as? Int {
                error.acronisCode = number
            } else if let text = envelope["code"] as? String, let number = Int(text) {
                error.acronisCode = number
            }
            error.domain = envelope["domain"] as? String
            let message = envelope["message"] as? String
            let info = (envelope["details"] as? [String: Any])?["info"] as? String
            error.message = [message, info].compactMap { $0 }.filter { !$0.isEmpty }
                .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .joined(separator: ": ")
        }
        if error.message.isEmpty {
            let text = String(decoding: response.body.prefix(300), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            error.message = text.isEmpty ? HTTPStatusText.reason(for: response.status) : text
        }
        return error
    }

    static func code(forStatus status: Int) -> Code {
        switch status {
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 409: .conflict
        case 426: .quotaVersionMismatch
        case 500...599: .serverError
        default: .rejected
        }
    }
}

/// Standard reason phrases, for messages when the body says nothing.
enum HTTPStatusText {
    static func reason(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 415: "Unsupported Media Type"
        case 426: "Upgrade Required"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
