import Foundation
import OnboardCore

/// The `--json` output: the daemon's result object as it arrived, plus the member `"schema": 1`.
///
/// Results are passed through from the wire rather than re-encoded from the decoded types, so members that a newer
/// daemon adds reach scripts unchanged. One document is pretty-printed when standard output is a terminal and
/// compact (one line) when it is piped; streaming commands print one compact object per line (NDJSON).
enum JSONOutput {
    /// The version of the `--json` output format; bumped only on incompatible changes.
    static let schemaVersion = 1

    /// `value` with `"schema": 1` added; a value that is not an object is wrapped as `{"result": value}`.
    static func stamped(_ value: JSONValue) -> JSONValue {
        var members: [String: JSONValue]
        if case .object(let object) = value {
            members = object
        } else {
            members = ["result": value]
        }
        members["schema"] = .integer(schemaVersion)
        return .object(members)
    }

    /// The text of `value` with `"schema": 1`: sorted keys, pretty-printed or on one line, no final newline.
    static func render(_ value: JSONValue, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(stamped(value)) else {
            // JSONValue holds only finite numbers decoded from JSON, so this cannot happen.
            return #"{"schema":1}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The `--json` form of an error: `{"error": {"code", "type", "message", "data"}, "schema": 1}`.
    static func errorObject(_ error: RPCError) -> JSONValue {
        var object: [String: JSONValue] = [
            "code": .integer(error.code),
            "type": .string(error.typeName),
            "message": .string(error.message),
        ]
        if !error.details.isEmpty { object["data"] = .object(error.details) }
        return ["error": .object(object)]
    }
}
