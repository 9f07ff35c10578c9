import Foundation

/// `Authorization: Basic base64(client_id:client_secret)` (AUTH-1, [SPEC], [DOC-AUTH]).
struct BasicCredentials: Sendable {
    let clientID: String
    let clientSecret: String

    /// Parses the header; `nil` if it is not valid Basic credentials.
    init?(header: String) {
        guard header.lowercased().hasPrefix("basic ") else { return nil }
        let encoded = header.dropFirst("basic ".count).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        // RFC 6749 §2.3.1: both parts are form-encoded before base64.
        clientID = String(text[..<colon]).removingPercentEncoding ?? String(text[..<colon])
        let secret = String(text[text.index(after: colon)...])
        clientSecret = secret.removingPercentEncoding ?? secret
    }
}
