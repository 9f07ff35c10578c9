/// A parsed JSON value, as the request layer sees it.
///
/// Numbers keep their source text, so the validator can tell `3` from `3.0` and never loses precision. Objects are
/// dictionaries: ``RequestJSONParser`` rejects duplicate member names, so nothing is lost by that.
enum RequestJSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as written (RFC 8259 grammar).
    case number(String)
    case string(String)
    case array([RequestJSONValue])
    case object([String: RequestJSONValue])

    /// The kind of value, for messages: "a string", "a number", and so on.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value of a number written as a whole number without fraction or exponent (`3`, `-1`), else `nil`.
    ///
    /// Whole numbers too large for `Int` come back as `Int.max` or `Int.min`, so range checks still reject them.
    var integerValue: Int? {
        guard case .number(let text) = self else { return nil }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if let value = Int(text) { return value }
        return text.hasPrefix("-") ? Int.min : Int.max
    }
}

extension RequestJSONValue {
    /// The canonical text: no insignificant whitespace, object members sorted by name (UTF-16 code units, as in
    /// RFC 8785), strings escaped minimally (`"`, `\` and U+0000–U+001F only), numbers as written.
    ///
    /// This is written by hand rather than by `JSONEncoder` so that the text stays byte-for-byte the same across
    /// Foundation versions: stored canonical forms are compared with new ones after upgrades.
    var canonicalText: String {
        var output = ""
        writeCanonical(into: &output)
        return output
    }

    private func writeCanonical(into output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .number(let text):
            output += text
        case .string(let text):
            Self.writeCanonical(string: text, into: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.writeCanonical(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let names = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, name) in names.enumerated() {
                if index > 0 { output += "," }
                Self.writeCanonical(string: name, into: &output)
                output += ":"
                members[name]!.writeCanonical(into: &output)
            }
            output += "}"
        }
    }

    private static func writeCanonical(string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
