/// Typed, validating access to a JSON object from a request body.
///
/// Every failure is a 400 whose message names the offending key, so a client developer sees what is wrong.
struct JSONObjectReader: Sendable {
    /// The object's members.
    let members: [String: JSON]
    /// Where the object sits, e.g. `request body` or `offering_items[2]`.
    let context: String

    /// Wraps `json`, which must be an object.
    init(_ json: JSON, context: String) throws {
        guard case .object(let members) = json else {
            throw APIError.badRequest("The \(context) must be a JSON object, not \(json.typeName)")
        }
        self.members = members
        self.context = context
    }

    /// Keys present in the object.
    var keys: Set<String> { Set(members.keys) }

    /// `true` if `key` is present (even when `null`).
    func has(_ key: String) -> Bool { members[key] != nil }

    /// Rejects keys outside `allowed` (schemas with `additionalProperties: false`, [SPEC]).
    func rejectUnknownKeys(allowed: Set<String>) throws {
        let unknown = keys.subtracting(allowed).sorted()
        if !unknown.isEmpty {
            throw APIError.badRequest(
                "Unknown \(unknown.count == 1 ? "property" : "properties") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the \(context); allowed: \(allowed.sorted().joined(separator: ", "))"
            )
        }
    }

    private func typeError(_ key: String, _ expected: String, _ value: JSON) -> APIError {
        APIError.badRequest("'\(key)' in the \(context) must be \(expected), not \(value.typeName)")
    }

    /// A string member; `nil` if absent. `null` is rejected unless `nullable`.
    func string(_ key: String, nullable: Bool = false) throws -> String? {
        guard let value = members[key] else { return nil }
        if value.isNull {
            if nullable { return nil }
            throw typeError(key, "a string", value)
        }
        guard let string = value.stringValue else { throw typeError(key, "a string", value) }
        return string
    }

    /// A required, non-empty string member.
    func requiredString(_ key: String) throws -> String {
        guard members[key] != nil else { throw APIError.badRequest("'\(key)' is required in the \(context)") }
        guard let value = try string(key), !value.isEmpty else {
            throw APIError.badRequest("'\(key)' in the \(context) must not be empty")
        }
        return value
    }

    /// An integer member; `nil` if absent.
    func int(_ key: String, nullable: Bool = false) throws -> Int? {
        guard let value = members[key] else { return nil }
        if value.isNull {
            if nullable { return nil }
            throw typeError(key, "an integer", value)
        }
        guard let int = value.intValue else { throw typeError(key, "an integer", value) }
        return int
    }

    /// A boolean member; `nil` if absent.
    func bool(_ key: String) throws -> Bool? {
        guard let value = members[key] else { return nil }
        guard let bool = value.boolValue else { throw typeError(key, "a boolean", value) }
        return bool
    }

    /// A UUID member (lowercase form accepted by the [SPEC] `uuid` pattern); `nil` if absent.
    func uuid(_ key: String) throws -> String? {
        guard let value = try string(key) else { return nil }
        guard UUIDText.isValid(value) else {
            throw APIError.badRequest("'\(key)' in the \(context) must be a UUID, got '\(value)'")
        }
        return value.lowercased()
    }

    /// An array member; `nil` if absent.
    func array(_ key: String) throws -> [JSON]? {
        guard let value = members[key] else { return nil }
        guard let array = value.arrayValue else { throw typeError(key, "an array", value) }
        return array
    }

    /// An array of strings; `nil` if absent.
    func stringArray(_ key: String) throws -> [String]? {
        guard let array = try array(key) else { return nil }
        return try array.map {
            guard let string = $0.stringValue else { throw typeError("\(key)[]", "a string", $0) }
            return string
        }
    }

    /// A nested object; `nil` if absent.
    func object(_ key: String) throws -> JSONObjectReader? {
        guard let value = members[key] else { return nil }
        guard value.objectValue != nil else { throw typeError(key, "an object", value) }
        return try JSONObjectReader(value, context: "'\(key)' of the \(context)")
    }

    /// A string member restricted to `allowed` values.
    func enumeration(_ key: String, _ allowed: [String]) throws -> String? {
        guard let value = try string(key) else { return nil }
        guard allowed.contains(value) else {
            throw APIError.badRequest(
                "'\(key)' in the \(context) must be one of \(allowed.joined(separator: ", ")); got '\(value)'"
            )
        }
        return value
    }
}
