/// A bulk-onboarding CSV file was rejected: every problem of every row.
///
/// The import is all or nothing: one bad row rejects the file, so that a corrected file can be imported as a whole.
/// The ``description`` has a summary line, then one issue per line (`row 3, admin.email (column admin_email): …`).
/// It never contains a password.
public struct CSVImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, by row, then in the order of the request's fields. Never empty.
    public var issues: [RowIssue]

    /// Creates an error from its issues.
    ///
    /// - Precondition: `issues` is not empty.
    public init(issues: [RowIssue]) {
        precondition(!issues.isEmpty, "a CSVImportError needs at least one issue")
        self.issues = issues
    }

    /// The rows that have problems, ascending, without repeats.
    public var rows: [Int] { Array(Set(issues.map(\.row))).sorted() }

    /// A summary line, then one issue per line.
    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        let rowCount = rows.count == 1 ? "1 row" : "\(rows.count) rows"
        return (["invalid onboarding CSV (\(count) in \(rowCount)):"] + issues.map { "  \($0)" })
            .joined(separator: "\n")
    }
}
