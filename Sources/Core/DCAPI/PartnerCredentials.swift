import Foundation

/// A secret string (client secret, access token, password, registration token).
///
/// Its `description` is redacted, so interpolating it into a log line or an error message prints
/// `<redacted>` instead of the value. Read ``revealed`` only where the value is sent or stored.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself.
    public let revealed: String

    public init(_ value: String) { self.revealed = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}

/// The credentials of one partner account: an API client of a partner tenant in one data centre.
public struct PartnerCredentials: Sendable, Hashable {
    /// The exact data-centre URL, e.g. `https://eu2-cloud.acronis.com` (no `/api/2`).
    public var dataCenterURL: URL
    public var clientID: String
    public var clientSecret: Secret
    /// `client_secret_basic` (default) sends the secret with HTTP Basic auth; `client_secret_post`
    /// sends it as form fields (acronis-api.md §2.1).
    public var sendsSecretInForm: Bool

    public init(dataCenterURL: URL, clientID: String, clientSecret: Secret, sendsSecretInForm: Bool = false) {
        self.dataCenterURL = dataCenterURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.sendsSecretInForm = sendsSecretInForm
    }

    /// The base of every API path: `<DC>/api/2`.
    public var apiBaseURL: URL { dataCenterURL.appending(path: "api/2") }

    /// Identifies the token cache: one per data centre and API client.
    public var cacheKey: String { "\(dataCenterURL.absoluteString)#\(clientID)" }
}
