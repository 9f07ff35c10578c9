/// Splits CSV text into records (RFC 4180).
///
/// - Fields are separated by `,`; records end with CRLF, LF or a lone CR; the last line break is optional.
/// - A field may be enclosed in double quotes; inside, `""` is one quote, and commas and line breaks are text.
/// - A quote inside an unquoted field, or text after a closing quote, is an error (RFC 4180 §2.5–2.7).
/// - Records are numbered from 1 like spreadsheet rows: a quoted field with line breaks stays within one record,
///   and a blank line is a record (with one empty field).
enum RequestCSVReader {
    /// One record: its row number and fields.
    struct Record: Sendable, Hashable {
        var row: Int
        var fields: [String]

        /// A blank line, or a row of empty cells (as spreadsheets export empty rows).
        var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
    }

    /// A syntax error: its row and what is wrong.
    struct SyntaxError: Error, Sendable, Hashable {
        var row: Int
        var problem: String
        var fix: String
    }

    static func records(in text: String) throws(SyntaxError) -> [Record] {
        let scalars = Array(text.unicodeScalars)
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var row = 1
        var index = 0
        var atFieldStart = true
        var recordHasContent = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if atFieldStart && scalar == "\"" {
                // Quoted field.
                let startRow = row
                index += 1
                var closed = false
                while index < scalars.count {
                    let inner = scalars[index]
                    if inner == "\"" {
                        if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                        } else {
                            index += 1
                            closed = true
                            break
                        }
                    } else {
                        field.append(inner)
                        index += 1
                    }
                }
                guard closed else {
                    throw SyntaxError(
                        row: startRow,
                        problem: "a quoted field is never closed: the file ends inside it",
                        fix: "Close the field with a double quote, and write quotes inside a quoted field as \"\"."
                    )
                }
                recordHasContent = true
                atFieldStart = false
                if index < scalars.count, !isDelimiterOrBreak(scalars[index]) {
                    throw SyntaxError(
                        row: row,
                        problem: "text follows the closing quote of a quoted field",
                        fix: "Put the whole field in the quotes, and write quotes inside it as \"\" "
                            + "(for example \"Contoso \"\"West\"\" Ltd\")."
                    )
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
                recordHasContent = true
                index += 1
            case "\r", "\n":
                endField()
                records.append(Record(row: row, fields: fields))
                fields = []
                recordHasContent = false
                row += 1
                index += (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") ? 2 : 1
            case "\"":
                throw SyntaxError(
                    row: row,
                    problem: "a double quote inside a field that does not start with one",
                    fix: "Enclose the whole field in double quotes and double the quote inside it "
                        + "(for example \"Contoso \"\"West\"\" Ltd\")."
                )
            default:
                field.append(scalar)
                atFieldStart = false
                recordHasContent = true
                index += 1
            }
        }
        if recordHasContent || !atFieldStart || !field.isEmpty {
            endField()
            records.append(Record(row: row, fields: fields))
        }
        return records
    }

    private static func isDelimiterOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "," || scalar == "\r" || scalar == "\n"
    }
}
