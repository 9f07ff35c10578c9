/// A strict RFC 8259 JSON parser for request documents.
///
/// Stricter than `JSONSerialization` in the ways that matter for validation: duplicate member names are an error
/// (not "last one wins"), numbers keep their text, `true` is never confused with `1`, and syntax errors say where
/// they are (line and column) without quoting the document, which may hold a password.
struct RequestJSONParser {
    /// A syntax error: where, what, and the field path it was found in (`""` at the top level).
    struct SyntaxError: Error, Sendable, Hashable {
        var line: Int
        var column: Int
        var message: String
        var path: String
    }

    /// The deepest nesting accepted. A request is three levels deep; this only stops pathological input.
    static let maximumDepth = 32

    private let bytes: [UInt8]
    private var index = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document (a single value with optional surrounding whitespace; a leading UTF-8 byte order
    /// mark is ignored).
    static func parse(_ input: some Sequence<UInt8>) throws(SyntaxError) -> RequestJSONValue {
        var bytes = Array(input)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var parser = RequestJSONParser(bytes: bytes)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw parser.error("the document is not valid UTF-8", path: "")
        }
        parser.skipWhitespace()
        let value = try parser.parseValue(path: "", depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected text after the end of the JSON document", path: "")
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(path: String, depth: Int) throws(SyntaxError) -> RequestJSONValue {
        guard depth <= Self.maximumDepth else {
            throw error("nesting deeper than \(Self.maximumDepth) levels", path: path)
        }
        guard let byte = peek() else { throw error("unexpected end of the document", path: path) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(path: path, depth: depth)
        case UInt8(ascii: "["): return try parseArray(path: path, depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString(path: path))
        case UInt8(ascii: "t"):
            try expectLiteral("true", path: path)
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false", path: path)
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null", path: path)
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber(path: path))
        default: throw error("unexpected character\(describe(byte, path: path)); expected a JSON value", path: path)
        }
    }

    private mutating func parseObject(path: String, depth: Int) throws(SyntaxError) -> RequestJSONValue {
        index += 1  // {
        var members: [String: RequestJSONValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes", path: path)
            }
            let nameStart = index
            let name = try parseString(path: path)
            let memberPath = path.isEmpty ? name : "\(path).\(name)"
            guard members[name] == nil else {
                index = nameStart
                throw error("the member \"\(name)\" appears more than once", path: memberPath)
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("expected \":\" after the member name \"\(name)\"", path: memberPath)
            }
            index += 1
            skipWhitespace()
            members[name] = try parseValue(path: memberPath, depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            case nil: throw error("unexpected end of the document inside an object", path: path)
            case let byte?:
                throw error("unexpected character\(describe(byte, path: path)); expected \",\" or \"}\"", path: path)
            }
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(SyntaxError) -> RequestJSONValue {
        index += 1  // [
        var elements: [RequestJSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(path: "\(path)[\(elements.count)]", depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            case nil: throw error("unexpected end of the document inside an array", path: path)
            case let byte?:
                throw error("unexpected character\(describe(byte, path: path)); expected \",\" or \"]\"", path: path)
            }
        }
    }

    private mutating func parseString(path: String) throws(SyntaxError) -> String {
        index += 1  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated string", path: path) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                let scalar = try parseEscape(path: path)
                utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
            case 0x00..<0x20:
                throw error("a control character inside a string; write it as an escape such as \\n", path: path)
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(path: String) throws(SyntaxError) -> Unicode.Scalar {
        guard let byte = peek() else { throw error("unterminated string", path: path) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try parseHex4(path: path)
            if (0xD800...0xDBFF).contains(first) {
                guard peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") else {
                    throw error("an unpaired UTF-16 surrogate in a \\u escape", path: path)
                }
                index += 2
                let second = try parseHex4(path: path)
                guard (0xDC00...0xDFFF).contains(second) else {
                    throw error("an unpaired UTF-16 surrogate in a \\u escape", path: path)
                }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return Unicode.Scalar(value)!
            }
            guard let scalar = Unicode.Scalar(first) else {
                throw error("an unpaired UTF-16 surrogate in a \\u escape", path: path)
            }
            return scalar
        default:
            index -= 1
            throw error("an invalid escape sequence\(describeBare(byte, path: path)) in a string", path: path)
        }
    }

    private mutating func parseHex4(path: String) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw error("a \\u escape needs four hexadecimal digits", path: path)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber(path: String) throws(SyntaxError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), Self.isDigit(first) else { throw error("a number needs digits", path: path) }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let byte = peek(), Self.isDigit(byte) else {
                throw error("a number needs digits after \".\"", path: path)
            }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek(), Self.isDigit(byte) else {
                throw error("a number needs digits in its exponent", path: path)
            }
            skipDigits()
        }
        if let byte = peek(), Self.isDigit(byte) {
            throw error("a number must not have leading zeros", path: path)
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: - Helpers

    private mutating func expectLiteral(_ literal: StaticString, path: String) throws(SyntaxError) {
        let expected = literal.withUTF8Buffer { Array($0) }
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected characters; expected a JSON value (strings need double quotes)", path: path)
        }
        index += expected.count
    }

    private func peek(offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func skipDigits() {
        while let byte = peek(), Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// Names a byte without quoting user text beyond one ASCII character, and not even that inside a password.
    private func describe(_ byte: UInt8, path: String) -> String {
        if Self.isSecretPath(path) { return "" }
        return switch byte {
        case UInt8(ascii: "\""): " '\"'"
        case 0x21...0x7E: " \"\(Character(Unicode.Scalar(byte)))\""
        default: " 0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    private func describeBare(_ byte: UInt8, path: String) -> String {
        if Self.isSecretPath(path) { return "" }
        return switch byte {
        case 0x21...0x7E: " \\" + String(Character(Unicode.Scalar(byte)))
        default: " \\(0x" + String(byte, radix: 16, uppercase: true) + ")"
        }
    }

    /// Whether a path names a secret (`admin.password`), whose text must never be quoted.
    static func isSecretPath(_ path: String) -> Bool {
        path.split(separator: ".").last.map { $0.lowercased().contains("password") } ?? false
    }

    /// An error at the current position. Columns count characters (not bytes) from 1.
    private func error(_ message: String, path: String) -> SyntaxError {
        var line = 1
        var lineStart = 0
        let end = min(index, bytes.count)
        for position in 0..<end where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).unicodeScalars.count + 1
        return SyntaxError(line: line, column: column, message: message, path: path)
    }
}
