/// An onboarding request was rejected: every problem found, not just the first.
///
/// The ``description`` has a summary line, then one issue per line (see ``RequestIssue/description``). It never
/// contains the admin password.
public struct RequestValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order of the request's fields. Never empty.
    public var issues: [RequestIssue]

    /// Creates an error from its issues.
    ///
    /// - Precondition: `issues` is not empty.
    public init(issues: [RequestIssue]) {
        precondition(!issues.isEmpty, "a RequestValidationError needs at least one issue")
        self.issues = issues
    }

    /// The issue paths, for quick checks: `error.paths.contains("admin.login")`.
    public var paths: [String] { issues.map(\.path) }

    /// A summary line, then one issue per line.
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return (["invalid onboarding request (\(count)):"] + issues.map { "  \($0)" }).joined(separator: "\n")
    }
}
