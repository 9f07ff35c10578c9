/// Plain aligned columns for people: a header row, then one row per item, columns separated by two spaces.
///
/// No colours and no box drawing, so the output stays readable in a pager, a log or an e-mail. Control characters
/// in cells (a line break in a message) become spaces so that one item is always one line; trailing spaces are
/// trimmed.
///
/// ```
/// ID     CUSTOMER     STATE
/// ob_1   Contoso Ltd  running
/// ```
struct TextTable: Sendable {
    /// The column titles, printed as given (conventionally upper case).
    var headers: [String]
    /// The rows; a short row is padded with empty cells.
    var rows: [[String]]
    /// The indexes of columns aligned right, e.g. counts.
    var rightAligned: Set<Int> = []

    /// The table's lines joined by `\n`, without a final newline.
    func render() -> String {
        let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
        let cleaned = ([headers] + rows).map { row in
            (0..<columnCount).map { index in index < row.count ? Self.clean(row[index]) : "" }
        }
        let widths = (0..<columnCount).map { column in cleaned.map { $0[column].count }.max() ?? 0 }
        return cleaned.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let isLast = column == columnCount - 1
                if rightAligned.contains(column) {
                    line += padding + cell
                } else {
                    line += isLast ? cell : cell + padding
                }
            }
            return Self.trimTrailingSpaces(line)
        }.joined(separator: "\n")
    }

    /// `text` on one line: control characters (line breaks, tabs) become spaces.
    static func clean(_ text: String) -> String {
        String(text.map { $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? " " : $0 })
    }

    private static func trimTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
