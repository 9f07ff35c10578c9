/// One problem found in an onboarding request: where, what, and exactly what to change.
///
/// Issues never contain the admin password, nor the value of an unknown field (which could be a misspelt
/// `password`).
public struct RequestIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The field path in the request's JSON form, such as `admin.login` or `agent.platforms[1]`; empty for the
    /// document as a whole. CSV imports use the same paths (see ``RowIssue/column`` for the column).
    public var path: String
    /// What is wrong, as a sentence fragment that follows the path: `admin.login` "must start with a letter or a
    /// digit".
    public var problem: String
    /// What to change, as an imperative sentence.
    public var fix: String

    /// Creates an issue.
    public init(path: String, problem: String, fix: String) {
        self.path = path
        self.problem = problem
        self.fix = fix
    }

    /// `PATH: PROBLEM. Fix: FIX`, with `(document)` as the path of document-wide issues.
    public var description: String {
        "\(path.isEmpty ? "(document)" : path): \(problem). Fix: \(fix)"
    }
}
