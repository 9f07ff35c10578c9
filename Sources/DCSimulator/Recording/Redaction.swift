/// Removes secrets before anything is recorded: the `Authorization` header is never recorded at all, and these
/// values are replaced by `<redacted>`.
enum Redaction {
    static let placeholder = "<redacted>"
    /// Form fields of `POST /idp/token` that carry secrets.
    static let secretFormFields: Set<String> = [
        "client_secret", "password", "refresh_token", "assertion", "totp_code", "code", "device_code", "code_verifier",
    ]
    /// JSON keys whose values are secrets, in requests and responses.
    static let secretJSONKeys: Set<String> = ["access_token", "id_token", "refresh_token", "password", "client_secret"]

    /// A form body with secret values replaced.
    static func form(_ body: String) -> String {
        body.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first, secretFormFields.contains(String(key)) else { return String(pair) }
            return "\(key)=\(placeholder)"
        }.joined(separator: "&")
    }

    /// `json` with secret values replaced, recursively.
    static func json(_ json: JSON) -> JSON {
        switch json {
        case .object(let members):
            var result: [String: JSON] = [:]
            for (key, value) in members {
                result[key] = secretJSONKeys.contains(key) && value.stringValue != nil ? .string(placeholder) : Self.json(value)
            }
            return .object(result)
        case .array(let values):
            return .array(values.map(Self.json))
        default:
            return json
        }
    }
}
