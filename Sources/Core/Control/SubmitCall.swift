/// Parameters of `onboarding.submit`.
///
/// The request is sent as the file's text, not as a parsed object, so the daemon's strict parser sees exactly what
/// the operator wrote (duplicate members, line and column of a syntax error).
public struct SubmitParams: Sendable, Hashable, Codable {
    /// What ``content`` holds.
    public enum Format: String, Sendable, Hashable, Codable {
        /// One request, request format v1.
        case json
        /// A header row and one request per row; all rows are validated before any is recorded.
        case csv
    }

    /// The document's text.
    public var content: String
    /// JSON or CSV.
    public var format: Format
    /// Where it came from, for the record and the journal (a file name, or `stdin`).
    public var source: String?

    public init(content: String, format: Format, source: String? = nil) {
        self.content = content
        self.format = format
        self.source = source
    }
}

/// Result of `onboarding.submit`: one entry per request, in document order.
public struct SubmitResult: Sendable, Hashable, Codable {
    public var onboardings: [SubmittedOnboarding]

    public init(onboardings: [SubmittedOnboarding]) {
        self.onboardings = onboardings
    }
}

/// One recorded request.
public struct SubmittedOnboarding: Sendable, Hashable, Codable {
    /// `false` when the same key with the same content was already recorded: this is that onboarding.
    public var created: Bool
    /// The onboarding, as it stands now.
    public var onboarding: OnboardingSummary

    public init(created: Bool, onboarding: OnboardingSummary) {
        self.created = created
        self.onboarding = onboarding
    }
}
