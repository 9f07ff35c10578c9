/// One problem in a bulk-onboarding CSV file: the row, the column, and the request issue.
public struct RowIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The row number as a spreadsheet shows it: the header is row 1, the first data row is row 2, and blank rows
    /// count (a quoted field with line breaks stays one row).
    public var row: Int
    /// The column the problem is in, by its documented name (`admin_email`), if one column is to blame.
    public var column: String?
    /// The problem, with the field path of the request's JSON form (`admin.email`).
    public var issue: RequestIssue

    /// Creates a row issue.
    public init(row: Int, column: String?, issue: RequestIssue) {
        self.row = row
        self.column = column
        self.issue = issue
    }

    /// `row 3, admin.email (column admin_email): PROBLEM. Fix: FIX`.
    public var description: String {
        var location = "row \(row)"
        switch (issue.path.isEmpty, column) {
        case (false, let column?) where column != issue.path: location += ", \(issue.path) (column \(column))"
        case (false, _): location += ", \(issue.path)"
        case (true, let column?): location += ", column \(column)"
        case (true, nil): break
        }
        return "\(location): \(issue.problem). Fix: \(issue.fix)"
    }
}
