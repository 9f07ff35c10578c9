import OnboardCore

/// Turns a daemon error into lines for people: the daemon's message (cause and fix), then, for rejected input,
/// one line per problem.
///
/// An `io.onboard.InvalidData` error carries `data.issues`: objects with `path`, `problem` and `fix`, plus `row`
/// (and `column`) for CSV rows. Each becomes a line in the same form as ``OnboardCore/RequestIssue`` and
/// ``OnboardCore/RowIssue`` describe themselves:
///
/// ```
/// error: bulk.csv: the CSV is not valid; nothing was submitted (2 problems):
///   row 3, admin.email (column admin_email): must be an e-mail address. Fix: write it as name@example.com
///   row 4, customer.name: must not be empty. Fix: …
/// ```
///
/// The daemon never puts a password or token into an error, and this type prints nothing else.
enum ErrorReport {
    /// The lines for `error`, the first prefixed `error: ` (and the input's name, if given).
    ///
    /// When the error lists issues, the daemon's message is a summary line followed by the same problems in prose;
    /// only the summary is kept, and the issues follow in the form above (with row and column).
    static func lines(for error: RPCError, source: String? = nil) -> [String] {
        let prefix = source.map { "error: \($0): " } ?? "error: "
        let issues = issueLines(error.details["issues"]).map { "  " + $0 }
        guard !issues.isEmpty else { return [prefix + error.message] }
        let summary = error.message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? error.message
        return [prefix + summary] + issues
    }

    /// The lines for a local failure.
    static func lines(for error: CLIError) -> [String] {
        ["error: " + error.message]
    }

    /// One line per issue of a `data.issues` array; unknown shapes are skipped, never dumped.
    static func issueLines(_ issues: JSONValue?) -> [String] {
        guard let issues = issues?.arrayValue else { return [] }
        return issues.compactMap { value -> String? in
            guard let object = value.objectValue else { return nil }
            // Accept the flat form {row, column, path, problem, fix} and the nested RowIssue form {row, column, issue}.
            let fields = object["issue"]?.objectValue ?? object
            guard let problem = fields["problem"]?.stringValue else { return nil }
            let issue = RequestIssue(
                path: fields["path"]?.stringValue ?? "", problem: problem,
                fix: fields["fix"]?.stringValue ?? "correct the request and submit it again")
            if let row = object["row"]?.integerValue {
                return RowIssue(row: row, column: object["column"]?.stringValue, issue: issue).description
            }
            return issue.description
        }
    }
}
