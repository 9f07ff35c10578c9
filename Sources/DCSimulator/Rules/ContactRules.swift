/// Validation of contact objects (schema `contactPut`, `additionalProperties: false`, [SPEC]).
enum ContactRules {
    /// The `contactPut` properties ([SPEC]).
    static let contactPutKeys: Set<String> = [
        "tenant_id", "user_id", "types", "email", "address1", "address2", "country", "state", "city", "zipcode",
        "phone", "firstname", "lastname", "title", "website", "industry", "organization_size", "email_confirmed",
        "aan", "language", "fax",
    ]

    /// Contact types ([SPEC] `contactPut.types`).
    static let contactTypes = ["legal", "primary", "billing", "technical", "management"]

    /// `true` if `email` matches the [SPEC] `email` pattern `^$|\S+@\S+`.
    static func isValidEmail(_ email: String) -> Bool {
        if email.isEmpty { return true }
        guard let at = email.firstIndex(of: "@") else { return false }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        return !local.isEmpty && !domain.isEmpty && !email.contains(where: \.isWhitespace)
    }

    /// Validates a contact and returns its fields.
    ///
    /// - Parameters:
    ///   - reader: the contact object.
    ///   - allowedKeys: the schema's properties (`contactPut` for tenants, `userPost.contact` for users).
    ///   - requireEmail: `userPost.contact` requires `email` (USR-2, [SPEC]).
    static func validate(_ reader: JSONObjectReader, allowedKeys: Set<String> = contactPutKeys, requireEmail: Bool)
        throws -> [String: JSON]
    {
        try reader.rejectUnknownKeys(allowed: allowedKeys)
        var fields: [String: JSON] = [:]
        for key in reader.keys {
            switch key {
            case "types":
                let types = try reader.stringArray("types") ?? []
                guard !types.isEmpty else { throw APIError.badRequest("'types' in the \(reader.context) must not be empty") }
                guard Set(types).count == types.count else {
                    throw APIError.badRequest("'types' in the \(reader.context) must not repeat a value")
                }
                if let bad = types.first(where: { !contactTypes.contains($0) }) {
                    throw APIError.badRequest(
                        "'types' in the \(reader.context) may contain \(contactTypes.joined(separator: ", ")); got '\(bad)'"
                    )
                }
                fields[key] = JSON(types)
            case "email":
                let email = try reader.string("email") ?? ""
                guard isValidEmail(email) else {
                    throw APIError.badRequest("'email' in the \(reader.context) is not an e-mail address: '\(email)'")
                }
                fields[key] = .string(email)
            case "email_confirmed":
                if reader.members[key] == .null {
                    fields[key] = .null
                } else {
                    fields[key] = .bool(try reader.bool(key) ?? false)
                }
            case "tenant_id", "user_id":
                fields[key] = .string(try reader.uuid(key) ?? "")
            default:
                fields[key] = JSON(try reader.string(key, nullable: true))
            }
        }
        if requireEmail, (fields["email"]?.stringValue ?? "").isEmpty {
            throw APIError.badRequest("'email' is required in the \(reader.context)")
        }
        return fields
    }
}
