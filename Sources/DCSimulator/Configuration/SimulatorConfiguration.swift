import Foundation

/// Every behaviour switch (§11.2 knobs) and fault setting of the simulator.
///
/// All values can be set on the command line (kebab-case options) and changed while the simulator runs with
/// `PATCH /_sim/config` using the camelCase property names as JSON keys. Defaults are the §11.2 defaults.
public struct SimulatorConfiguration: Codable, Sendable, Hashable {
    // MARK: §11.2 knobs

    /// HTTP status of a duplicate tenant name; `error.code` is always 1004 (TEN-2, [DOC-ERR]; §10 #1). Default 409.
    public var dupNameStatus = 409
    /// Scope of tenant-name uniqueness (§10 #2). Default per parent.
    public var dupNameScope = DupNameScope.perParent
    /// What `PUT offering_items` does to omitted items (§10 #7). Default keep.
    public var omittedItemsPolicy = OmittedItemsPolicy.keep
    /// Reject fields inside `offering_items[]` beyond the [SPEC] `tenantOfferingItemsPut` item (OI-2, §10 #7).
    /// Default off: extra fields inside items are ignored.
    public var strictItemFields = false
    /// The quota version of an item never set on a tenant (OI-3, §10 #8). Default 0.
    public var initialQuotaVersion = InitialQuotaVersion.zero
    /// `error.code` when a customer would get two editions of one application (OI-4, [BLOG-OI]). Default 400.
    public var editionViolationCode = 400
    /// HTTP status for the one-edition violation (OI-4, §10 #9). Default 400.
    public var editionViolationStatus = 400
    /// HTTP status of 1015/1031 (OI-5, [DOC-ERR]; §10 #9). Default 400.
    public var infraConflictStatus = 400
    /// Success status of `POST /users` (USR-2; [SPEC] says 200, §10 #14). Default 200.
    public var createUserStatus = 200
    /// Status for password/activation calls made with a user token (USR-6, [DOC-ACT]; §10 #15). Default 403.
    public var userTokenOnPasswordStatus = 403
    /// Registration tokens not bound to a user on a customer tenant (REG-3, §6.3, §10 #4). Default allowed.
    public var customerLevelRegToken = Allowance.allowed
    /// Form of `<tenant_id>` in `policy_management` scopes (§6.2, §10 #5). Default uuid.
    public var policyScopeIdKind = PolicyScopeIDKind.uuid
    /// Include `expires_in` in token responses (AUTH-1, §10 #6). Default true.
    public var tokenIncludesExpiresIn = true
    /// Reads of tenants, users and offering items show the state before a write until this many ms have passed
    /// (§3.8, §10 #16). Default 0.
    public var readAfterWriteLagMs = 0
    /// Lifetime of issued bearer tokens in seconds (AUTH-2, [DOC-AUTH]). Default 7200.
    public var tokenLifetimeSec = 7200
    /// HTTP status when a production tenant is set back to trial (TEN-7, §10 #17). Default 400.
    public var productionToTrialError = 400
    /// Default page size of paged lists (PAG-1); `limit` overrides it per request. Default 50.
    public var pageSize = 50

    // MARK: Faults (§11.2 `rateLimit`, `faults`)

    /// Fixed latency added to every `/api/2` request, in ms.
    public var latencyMs = 0
    /// Random extra latency, uniform in 0…this many ms (seeded RNG).
    public var latencyJitterMs = 0
    /// Sustained request rate per caller (token bucket); 0 turns rate limiting off.
    public var rateLimitRps: Double = 0
    /// Bucket capacity (burst) of the rate limiter.
    public var rateLimitBurst = 10
    /// Form of `Retry-After` on 429 answers.
    public var retryAfterMode = RetryAfterMode.seconds
    /// Fixed `Retry-After` seconds; `nil` computes the time until the bucket has a token again.
    public var retryAfterSeconds: Int?
    /// Probability (0…1) that a request gets a random server error (seeded RNG).
    public var errorRate: Double = 0
    /// Status of random server errors: 500, 502, 503 or 504.
    public var errorStatus = 500
    /// Apply the rate limit and random errors to `POST /idp/token` too. Default false.
    public var faultsIncludeTokenEndpoint = false
    /// Deterministic fault rules; each answers its next `count` matching requests.
    public var failNext: [FailRule] = []
    /// Armed "commit then drop the connection" faults: `"POST /tenants"` or `"POST /users"` → remaining count.
    public var dropAfterCommit: [String: Int] = [:]

    /// The default configuration (all §11.2 defaults, no faults).
    public init() {}

    /// Routes that support the drop-after-commit fault.
    public static let dropAfterCommitRoutes: Set<String> = ["POST /api/2/tenants", "POST /api/2/users"]
}

extension SimulatorConfiguration {
    /// The configuration as a JSON object with camelCase keys (the body of `GET /_sim/config`).
    public var json: JSON {
        let data = (try? JSONEncoder().encode(self)) ?? Data("{}".utf8)
        var json = (try? JSON.parse(data)) ?? [:]
        if case .object(var members) = json, members["retryAfterSeconds"] == nil {
            members["retryAfterSeconds"] = .null
            json = .object(members)
        }
        return json
    }

    /// The names of all configuration keys.
    public static var keys: Set<String> { Set(SimulatorConfiguration().json.objectValue?.keys.map { $0 } ?? []) }

    /// Returns a copy with the keys of `patch` applied.
    ///
    /// - Throws: ``ConfigurationError`` naming an unknown key or an invalid value; nothing is applied then.
    public func applying(_ patch: JSON) throws -> SimulatorConfiguration {
        guard case .object(let changes) = patch else {
            throw ConfigurationError(message: "The configuration patch must be a JSON object")
        }
        guard case .object(var members) = json else {
            throw ConfigurationError(message: "internal: configuration is not an object")
        }
        let known = Self.keys
        for (key, value) in changes {
            guard known.contains(key) else {
                throw ConfigurationError(
                    message: "Unknown configuration key '\(key)'; known keys: \(known.sorted().joined(separator: ", "))"
                )
            }
            var value = value
            if key == "dropAfterCommit", case .object(let routes) = value {
                var normalised: [String: JSON] = [:]
                for (pattern, count) in routes {
                    guard let route = RoutePattern.normalise(pattern) else {
                        throw ConfigurationError(message: "dropAfterCommit keys look like 'POST /tenants'; got '\(pattern)'")
                    }
                    normalised[route] = count
                }
                value = .object(normalised)
            }
            members[key] = value
        }
        let updated: SimulatorConfiguration
        do {
            updated = try JSONDecoder().decode(SimulatorConfiguration.self, from: JSON.object(members).encodedData())
        } catch {
            throw ConfigurationError(message: "Invalid configuration value: \(Self.describe(error))")
        }
        try updated.validate()
        return updated
    }

    /// Checks value ranges.
    public func validate() throws {
        func status(_ name: String, _ value: Int, _ allowed: ClosedRange<Int> = 400...599) throws {
            guard allowed.contains(value) else {
                throw ConfigurationError(message: "\(name) must be an HTTP status in \(allowed), got \(value)")
            }
        }
        try status("dupNameStatus", dupNameStatus)
        try status("editionViolationStatus", editionViolationStatus)
        try status("infraConflictStatus", infraConflictStatus)
        try status("createUserStatus", createUserStatus, 200...299)
        try status("userTokenOnPasswordStatus", userTokenOnPasswordStatus)
        try status("productionToTrialError", productionToTrialError)
        try status("errorStatus", errorStatus, 500...599)
        guard readAfterWriteLagMs >= 0 else { throw ConfigurationError(message: "readAfterWriteLagMs must be ≥ 0") }
        guard tokenLifetimeSec > 0 else { throw ConfigurationError(message: "tokenLifetimeSec must be > 0") }
        guard pageSize > 0 else { throw ConfigurationError(message: "pageSize must be > 0") }
        guard latencyMs >= 0, latencyJitterMs >= 0 else {
            throw ConfigurationError(message: "latencyMs and latencyJitterMs must be ≥ 0")
        }
        guard rateLimitRps >= 0, rateLimitBurst >= 1 else {
            throw ConfigurationError(message: "rateLimitRps must be ≥ 0 and rateLimitBurst ≥ 1")
        }
        guard (0...1).contains(errorRate) else { throw ConfigurationError(message: "errorRate must be in 0…1") }
        if let retryAfterSeconds, retryAfterSeconds < 0 {
            throw ConfigurationError(message: "retryAfterSeconds must be ≥ 0")
        }
        for rule in failNext {
            guard rule.count >= 0 else { throw ConfigurationError(message: "failNext count must be ≥ 0") }
            if (rule.action ?? .status) == .status { try status("failNext status", rule.status ?? 503, 100...599) }
        }
        for (route, count) in dropAfterCommit {
            guard Self.dropAfterCommitRoutes.contains(route) else {
                throw ConfigurationError(
                    message: "dropAfterCommit supports \(Self.dropAfterCommitRoutes.sorted().joined(separator: " and ")); got '\(route)'"
                )
            }
            guard count >= 0 else { throw ConfigurationError(message: "dropAfterCommit counts must be ≥ 0") }
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path): \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// An invalid configuration value or key.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}
