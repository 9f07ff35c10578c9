/// A deterministic fault: the next `count` requests that match get the rule's answer (§11.2 `faults`).
///
/// Example (PATCH `/_sim/config` or POST `/_sim/faults/fail-next`):
/// `{"method":"POST","pathPrefix":"/tenants","status":503,"count":2}`.
public struct FailRule: Codable, Sendable, Hashable {
    /// What the matched request gets.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// An error response with ``FailRule/status`` in the error envelope (nothing is committed).
        case status
        /// The connection is closed before the request is processed (nothing is committed; a connection reset).
        case drop
        /// The request is delayed by ``FailRule/delayMs`` and then processed normally (a timeout for the client).
        case delay
    }

    /// HTTP method to match, or `nil`/`*` for any.
    public var method: String?
    /// Path prefix to match. Paths not starting with `/api/2` or `/_sim` are taken relative to `/api/2`.
    public var pathPrefix: String
    /// HTTP status for ``Action/status`` (default 503).
    public var status: Int?
    /// `error.code` for ``Action/status`` (default: the status).
    public var errorCode: Int?
    /// How many more requests this rule answers.
    public var count: Int
    /// The action (default ``Action/status``).
    public var action: Action?
    /// Delay for ``Action/delay``, in milliseconds.
    public var delayMs: Int?

    /// A rule answering the next `count` requests matching `method` and `pathPrefix`.
    public init(
        method: String?,
        pathPrefix: String,
        status: Int? = 503,
        errorCode: Int? = nil,
        count: Int = 1,
        action: Action? = nil,
        delayMs: Int? = nil
    ) {
        self.method = method
        self.pathPrefix = pathPrefix
        self.status = status
        self.errorCode = errorCode
        self.count = count
        self.action = action
        self.delayMs = delayMs
    }

    private enum CodingKeys: String, CodingKey {
        case method, pathPrefix, status, errorCode, count, action, delayMs
    }

    /// Decodes a rule; `count` defaults to 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        pathPrefix = try container.decode(String.self, forKey: .pathPrefix)
        status = try container.decodeIfPresent(Int.self, forKey: .status)
        errorCode = try container.decodeIfPresent(Int.self, forKey: .errorCode)
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 1
        action = try container.decodeIfPresent(Action.self, forKey: .action)
        delayMs = try container.decodeIfPresent(Int.self, forKey: .delayMs)
    }

    /// The full path prefix (`/api/2` prepended to relative prefixes).
    var absolutePrefix: String { RoutePattern.absolute(pathPrefix) }

    /// `true` if the rule applies to `method` `path` and still has a count left.
    func matches(method requestMethod: String, path: String) -> Bool {
        guard count > 0 else { return false }
        if let method, method != "*", method.uppercased() != requestMethod.uppercased() { return false }
        return path.hasPrefix(absolutePrefix)
    }

    /// Parses the CLI form `METHOD PATH-PREFIX STATUS [COUNT]`, e.g. `POST /tenants 503 2`.
    public init?(cli text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 || parts.count == 4, let status = Int(parts[2]) else { return nil }
        let count = parts.count == 4 ? Int(parts[3]) : 1
        guard let count, count > 0 else { return nil }
        self.init(method: parts[0], pathPrefix: parts[1], status: status, count: count)
    }
}

/// Helpers for `METHOD /path` patterns used by fault settings.
enum RoutePattern {
    /// Prepends `/api/2` to paths that are relative to the API root.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/api/2") || path.hasPrefix("/_sim") { return path }
        return "/api/2" + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Normalises `POST /tenants` into `POST /api/2/tenants`; `nil` if not `METHOD /path`.
    static func normalise(_ pattern: String) -> String? {
        let parts = pattern.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].hasPrefix("/") else { return nil }
        return "\(parts[0].uppercased()) \(absolute(String(parts[1])))"
    }
}
