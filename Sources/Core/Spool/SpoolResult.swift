import Foundation

/// The result file `results/<file-stem>.json` of a request that came in through the spool: what became of it, and
/// where to look next. It holds no secret.
///
/// ```json
/// {
///   "commands" : {
///     "credentials" : "onboardctl credentials 6f1c…",
///     "logs" : "onboardctl logs 6f1c…",
///     "status" : "onboardctl status 6f1c…"
///   },
///   "credentials" : "The admin password and the agent registration token are not written to the spool. …",
///   "customer" : "Acme Ltd",
///   "daemon_version" : "0.1.0",
///   "file" : "acme.json",
///   "onboarding_id" : "6f1c…",
///   "state" : "succeeded",
///   "step" : "done",
///   "tenant_id" : "…",
///   "updated_at" : "2025-06-01T12:03:00Z",
///   "user_id" : "…"
/// }
/// ```
///
/// Ids not known yet are left out. The type has no field for a password, a registration token or an API secret, so
/// a result file cannot carry one; the ``credentials`` text says how an authorised operator gets them.
public struct SpoolResult: Sendable, Hashable, Codable {
    /// The onboarding's id.
    public var onboardingID: String
    /// The request file's name in `incoming/`.
    public var file: String
    /// The onboarding's state.
    public var state: OnboardingState
    /// The step running, next to run, or that failed, if known.
    public var step: String?
    /// The customer's name, if known.
    public var customer: String?
    /// The customer tenant's id in the data centre, once created.
    public var tenantID: String?
    /// The admin user's id, once created.
    public var userID: String?
    /// A short explanation (e.g. why it failed), if any. Never a secret.
    public var message: String?
    /// How to get the admin password and registration token: the command to run, and who may run it.
    public var credentials: String
    /// Commands that show more: `status`, `logs`, `credentials`.
    public var commands: [String: String]
    /// When the onboarding last changed.
    public var updatedAt: Date
    /// The onboardd version that wrote the file.
    public var daemonVersion: String

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - onboardingID: The onboarding's id.
    ///   - file: The request file's name in `incoming/`.
    ///   - state: The onboarding's state.
    ///   - step: The current step's name; `nil` by default.
    ///   - customer: The customer's name; `nil` by default.
    ///   - tenantID: The tenant id, once known; `nil` by default.
    ///   - userID: The admin user id, once known; `nil` by default.
    ///   - message: A short explanation without secrets; `nil` by default.
    ///   - updatedAt: When the onboarding last changed; now by default.
    ///   - daemonVersion: Defaults to ``OnboardVersion/current``.
    public init(
        onboardingID: String, file: String, state: OnboardingState, step: String? = nil, customer: String? = nil,
        tenantID: String? = nil, userID: String? = nil, message: String? = nil, updatedAt: Date = Date(),
        daemonVersion: String = OnboardVersion.current
    ) {
        self.onboardingID = onboardingID
        self.file = file
        self.state = state
        self.step = step
        self.customer = customer
        self.tenantID = tenantID
        self.userID = userID
        self.message = message
        self.credentials =
            "The admin password and the agent registration token are not written to the spool. As root or a member "
            + "of the configured admin group, run: onboardctl credentials \(onboardingID)"
        self.commands = [
            "status": "onboardctl status \(onboardingID)",
            "logs": "onboardctl logs \(onboardingID)",
            "credentials": "onboardctl credentials \(onboardingID)",
        ]
        self.updatedAt = updatedAt
        self.daemonVersion = daemonVersion
    }

    /// The result for `record`, an onboarding submitted from the spool file `file`.
    public init(record: OnboardingRecord, file: String, message: String? = nil) {
        self.init(
            onboardingID: record.id, file: file, state: record.progress.state,
            step: record.progress.step.rawValue, customer: record.customerName, tenantID: record.tenantID,
            userID: record.userID, message: message, updatedAt: record.updatedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case onboardingID = "onboarding_id"
        case file, state, step, customer
        case tenantID = "tenant_id"
        case userID = "user_id"
        case message, credentials, commands
        case updatedAt = "updated_at"
        case daemonVersion = "daemon_version"
    }

    /// The result as written to disk: pretty-printed, sorted keys, ISO 8601 dates, trailing newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a result written by ``encoded()``.
    public static func decode(_ data: Data) throws -> SpoolResult {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(SpoolResult.self, from: data)
    }
}
