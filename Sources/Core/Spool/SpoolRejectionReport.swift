import Foundation

/// The `rejected/<name>.error.json` written beside each quarantined file.
///
/// ```json
/// {
///   "daemon_version" : "0.1.0",
///   "file" : "acme.json",
///   "fix" : "Correct every field listed under issues as its fix says, then drop the corrected file ...",
///   "issues" : [
///     { "fix" : "Give the customer's name.", "path" : "customer.name", "problem" : "is missing" }
///   ],
///   "message" : "the onboarding request is not valid (1 problem): customer.name: is missing. Fix: ...",
///   "reason" : "validation_failed",
///   "received_at" : "2025-06-01T12:00:00Z",
///   "rejected_as" : "acme.json",
///   "size" : 412,
///   "submitter_uid" : 1000
/// }
/// ```
///
/// `issues` is present only when the request was parsed, `parser_error` only for `bad_json`, `submitter_uid` and
/// `size` only when known. Keys are
/// snake_case and sorted; dates are ISO 8601 in UTC. There is no `sha256` (engineering notes §2.7 suggests one):
/// OnboardCore has no hashing library, and the idempotency key of a spool file is derived by the store, not here.
public struct SpoolRejectionReport: Sendable, Hashable, Codable {
    /// The file's name in `incoming/`.
    public var file: String
    /// The file's name in `rejected/`: ``file``, or ``file`` with `.<uuid>` appended if that name was taken.
    public var rejectedAs: String
    /// ``SpoolRejection/reason``: a stable code such as `bad_json` or `too_large`.
    public var reason: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String
    /// Each problem found in the request, with its own fix; `nil` when the content was never parsed.
    public var issues: [RequestIssue]?
    /// The JSON parser's message, for `bad_json`.
    public var parserError: String?
    /// When the daemon read (or tried to read) the file.
    public var receivedAt: Date
    /// The file owner's uid, the submitter.
    public var submitterUID: UInt32?
    /// The file's size in bytes, if known.
    public var size: Int?
    /// The onboardd version that rejected it.
    public var daemonVersion: String

    /// Creates a report.
    public init(
        file: String, rejectedAs: String, rejection: SpoolRejection, receivedAt: Date, submitterUID: UInt32?,
        size: Int?, daemonVersion: String
    ) {
        self.file = file
        self.rejectedAs = rejectedAs
        self.reason = rejection.reason
        self.message = rejection.message
        self.fix = rejection.fix
        self.issues = rejection.issues.isEmpty ? nil : rejection.issues
        self.parserError = rejection.parserError
        self.receivedAt = receivedAt
        self.submitterUID = submitterUID
        self.size = size
        self.daemonVersion = daemonVersion
    }

    private enum CodingKeys: String, CodingKey {
        case file
        case rejectedAs = "rejected_as"
        case reason, message, fix, issues
        case parserError = "parser_error"
        case receivedAt = "received_at"
        case submitterUID = "submitter_uid"
        case size
        case daemonVersion = "daemon_version"
    }

    /// The report as written to disk: pretty-printed, sorted keys, ISO 8601 dates, trailing newline.
    public func encoded() throws -> Data {
        var data = try Self.encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a report written by ``encoded()``.
    public static func decode(_ data: Data) throws -> SpoolRejectionReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(SpoolRejectionReport.self, from: data)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
