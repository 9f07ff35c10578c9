import Foundation

/// The HTTP method of a DC API call.
///
/// Idempotency drives the retry policy: `GET`, `PUT` and `DELETE` may be repeated after a server
/// error or a lost connection; a `POST` is never repeated blindly (see ``RetryPolicy``).
public enum DCHTTPMethod: String, Sendable, Hashable, CustomStringConvertible {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"

    /// Whether sending the request twice has the same effect as sending it once.
    public var isIdempotent: Bool { self != .post }

    public var description: String { rawValue }
}

/// One HTTP request to a data centre, independent of the HTTP library that sends it.
public struct DCHTTPRequest: Sendable {
    public var method: DCHTTPMethod
    /// Absolute URL, e.g. `https://eu2-cloud.acronis.com/api/2/tenants?parent_id=…`.
    public var url: URL
    /// Header names and values. `Authorization` values are secrets: never log them.
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// How long to wait for the whole response before giving up.
    public var timeout: Duration
    /// Whether the request may be repeated when its outcome is unknown. Defaults to
    /// ``DCHTTPMethod/isIdempotent``; a `POST` that creates nothing (such as `/idp/token`) may opt in.
    public var isIdempotent: Bool

    public init(
        method: DCHTTPMethod,
        url: URL,
        headers: [(name: String, value: String)] = [],
        body: Data? = nil,
        timeout: Duration = .seconds(30),
        isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.isIdempotent = isIdempotent ?? method.isIdempotent
    }

    /// A label that is safe to log: method and path, never the query string or headers.
    public var logLabel: String { "\(method) \(url.path)" }
}

/// One complete HTTP response from a data centre.
public struct DCHTTPResponse: Sendable {
    public var status: Int
    /// Header names are lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The raw `Retry-After` header, if the server sent one.
    public var retryAfter: String? { headers["retry-after"] }
}

/// Why a request produced no HTTP response.
///
/// The distinction matters for non-idempotent calls: a request that was certainly not sent may be
/// repeated, one that may have reached the server has an unknown outcome.
public struct DCTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The connection could not be established; the server never saw the request.
        case notSent
        /// The connection broke or timed out after the request may have been sent.
        case outcomeUnknown
    }

    public var kind: Kind
    /// What happened, without secrets (no headers, no bodies).
    public var detail: String

    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .notSent: "could not reach the data centre: \(detail)"
        case .outcomeUnknown: "connection lost after the request may have been sent: \(detail)"
        }
    }
}

/// Sends HTTP requests to a data centre. The production implementation uses async-http-client;
/// tests can substitute a scripted one.
public protocol DCHTTPTransport: Sendable {
    /// Sends `request` once, with no retries.
    /// - Throws: ``DCTransportError`` when no response arrived.
    func send(_ request: DCHTTPRequest) async throws(DCTransportError) -> DCHTTPResponse
}
