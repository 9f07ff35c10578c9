/// Reads a bulk-onboarding CSV file: one onboarding request per row.
///
/// The file is RFC 4180 CSV (comma-separated, fields optionally in double quotes with `""` for a quote, CRLF or LF
/// line breaks, UTF-8; a leading byte order mark is ignored). The first row is the header; its names are the
/// columns of ``CSVRequestColumn/all``, matched ignoring case and surrounding whitespace, in any order. Every
/// column is optional in the header except ``CSVRequestColumn/required`` and one of `profile` and
/// `template_tenant`; unknown and repeated columns are errors.
///
/// Each data row becomes the JSON equivalent of a request (format version 1; an empty cell leaves its field out,
/// so defaults apply; `admin_roles` and `platforms` are lists separated by `;`) and goes through exactly the same
/// validation as a JSON request (``RequestParser``), so there is one set of rules. Cells are not trimmed, except the
/// items of lists. Blank rows, and rows whose cells are all empty, are skipped. Two rows with the same key (given or
/// derived) are an error that names both rows.
///
/// The import is all or nothing: any problem rejects the file, with every problem of every row
/// (``CSVImportError``).
public enum CSVRequestImporter {
    /// Parses and validates every row.
    ///
    /// - Parameters:
    ///   - csv: The file's text.
    ///   - context: The configured partner accounts and profiles the rows may name.
    /// - Returns: The requests, in the order of their rows. A file with a header and no data rows gives none.
    /// - Throws: ``CSVImportError`` with every problem found; row numbers count the header as row 1.
    public static func parse(
        csv: String,
        context: RequestValidationContext
    ) throws(CSVImportError) -> [OnboardingRequest] {
        let text = csv.hasPrefix("\u{FEFF}") ? String(csv.unicodeScalars.dropFirst()) : csv
        let records: [RequestCSVReader.Record]
        do {
            records = try RequestCSVReader.records(in: text)
        } catch {
            throw CSVImportError(issues: [
                RowIssue(
                    row: error.row,
                    column: nil,
                    issue: RequestIssue(path: "", problem: "is not valid CSV: \(error.problem)", fix: error.fix)
                )
            ])
        }
        guard let header = records.first, !header.isBlank else {
            throw CSVImportError(issues: [
                RowIssue(
                    row: 1,
                    column: nil,
                    issue: RequestIssue(
                        path: "",
                        problem: records.isEmpty
                            ? "the file is empty; a header row is required"
                            : "is blank; the first row must be the header",
                        fix: "Start the file with a header row naming the columns, e.g. "
                            + "\"key,customer_name,contact_email,profile,admin_login,admin_email\"."
                    )
                )
            ])
        }
        let columns = try readHeader(header)

        var issues: [RowIssue] = []
        var requests: [OnboardingRequest] = []
        var firstRowOfKey: [String: Int] = [:]
        for record in records.dropFirst() where !record.isBlank {
            guard record.fields.count == columns.count else {
                issues.append(
                    RowIssue(
                        row: record.row,
                        column: nil,
                        issue: RequestIssue(
                            path: "",
                            problem: "has \(record.fields.count) fields, but the header has \(columns.count) columns",
                            fix: "Give every row exactly \(columns.count) fields separated by commas; enclose fields "
                                + "that contain a comma or a line break in double quotes."
                        )
                    )
                )
                continue
            }
            let keyPosition = columns.firstIndex { $0.name == "key" }
            let givenKey = keyPosition.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            var request: OnboardingRequest?
            do {
                request = try RequestParser.validate(
                    document(for: record.fields, columns: columns),
                    context: context,
                    source: .csv
                )
            } catch {
                issues += error.issues.map { issue in
                    RowIssue(row: record.row, column: CSVRequestColumn.column(forPath: issue.path)?.name, issue: issue)
                }
            }
            // Rows are checked for duplicate keys even when invalid, as long as they give a key.
            guard let key = request?.key ?? givenKey else { continue }
            let derived = request?.keyWasDerived ?? false
            if let firstRow = firstRowOfKey[key] {
                let which =
                    derived
                    ? "the same derived key \"\(key)\" (same partner and customer name) as row"
                    : "the same key \"\(RequestFieldRules.printable(key))\" as row"
                issues.append(
                    RowIssue(
                        row: record.row,
                        column: derived ? "customer_name" : "key",
                        issue: RequestIssue(
                            path: derived ? "customer.name" : "key",
                            problem: "has \(which) \(firstRow)",
                            fix:
                                "Give rows \(firstRow) and \(record.row) different keys, or remove one of them if they "
                                + "are the same customer."
                        )
                    )
                )
            } else {
                firstRowOfKey[key] = record.row
                if let request { requests.append(request) }
            }
        }
        guard issues.isEmpty else { throw CSVImportError(issues: issues) }
        return requests
    }

    /// Maps the header's names to columns, or throws every header problem.
    private static func readHeader(_ header: RequestCSVReader.Record) throws(CSVImportError) -> [CSVRequestColumn] {
        var issues: [RowIssue] = []
        var columns: [CSVRequestColumn] = []
        let names = CSVRequestColumn.all.map(\.name)
        func headerIssue(column: String?, _ problem: String, _ fix: String) {
            issues.append(
                RowIssue(row: header.row, column: column, issue: RequestIssue(path: "", problem: problem, fix: fix))
            )
        }
        if header.fields.count == 1, header.fields[0].contains(";") {
            throw CSVImportError(issues: [
                RowIssue(
                    row: header.row,
                    column: nil,
                    issue: RequestIssue(
                        path: "",
                        problem: "has a single column whose name contains \";\": the file seems to be separated by "
                            + "semicolons",
                        fix: "Save the file as comma-separated CSV (in a spreadsheet: CSV UTF-8, comma-delimited)."
                    )
                )
            ])
        }
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCSVWhitespace().lowercased()
            let label = raw.isEmpty ? "#\(position + 1)" : raw
            guard let column = CSVRequestColumn.all.first(where: { $0.name == name }) else {
                if name.isEmpty {
                    headerIssue(
                        column: label,
                        "column \(position + 1) has no name",
                        "Name the column (one of: \(names.joined(separator: ", "))), or delete it."
                    )
                } else {
                    headerIssue(
                        column: label,
                        "\"\(label)\" is not a known column",
                        RequestSuggestions.didYouMean(name, in: names)
                            + "Use only these columns: \(names.joined(separator: ", "))."
                    )
                }
                continue
            }
            if columns.contains(column) {
                headerIssue(
                    column: column.name,
                    "the column \(column.name) appears more than once",
                    "Keep one column \(column.name) and delete the other."
                )
                continue
            }
            columns.append(column)
        }
        let present = Set(columns.map(\.name))
        for required in CSVRequestColumn.required where !present.contains(required) {
            headerIssue(
                column: required,
                "the required column \(required) is missing",
                "Add a column \(required) to the header and fill it in on every row."
            )
        }
        if !present.contains("profile") && !present.contains("template_tenant") {
            headerIssue(
                column: nil,
                "has neither a profile nor a template_tenant column",
                "Add a column profile (or template_tenant) and fill in one of them on every row."
            )
        }
        guard issues.isEmpty else { throw CSVImportError(issues: issues) }
        return columns
    }

    /// The JSON equivalent of one row: format version 1, the row's non-empty cells at their fields.
    private static func document(for fields: [String], columns: [CSVRequestColumn]) -> RequestJSONValue {
        var root: [String: RequestJSONValue] = [
            "version": .number(String(OnboardingRequest.currentVersion)),
            "customer": .object(["contact": .object([:])]),
            "admin": .object([:]),
        ]
        for (column, cell) in zip(columns, fields) {
            let value: RequestJSONValue?
            switch column.kind {
            case .text:
                value = cell.isEmpty ? nil : .string(cell)
            case .integer:
                let trimmed = cell.trimmingCSVWhitespace()
                let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
                if trimmed.isEmpty {
                    value = nil
                } else if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    value = .number(trimmed)
                } else {
                    value = .string(cell)
                }
            case .list:
                let items = cell.split(separator: ";").map { $0.trimmingCSVWhitespace() }.filter { !$0.isEmpty }
                value = items.isEmpty ? nil : .array(items.map { .string($0) })
            }
            if let value { set(value, at: column.path.split(separator: ".").map(String.init), in: &root) }
        }
        return .object(root)
    }

    private static func set(_ value: RequestJSONValue, at path: [String], in object: inout [String: RequestJSONValue]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var child: [String: RequestJSONValue] = [:]
        if case .object(let existing)? = object[first] { child = existing }
        set(value, at: Array(path.dropFirst()), in: &child)
        object[first] = .object(child)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Unicode `White_Space`, line breaks included).
    fileprivate func trimmingCSVWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
