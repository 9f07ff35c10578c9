import Logging

/// Drops metadata whose key names a secret, as a last line of defence.
///
/// Callers must never put secrets into log metadata. If one does anyway, both onboard log handlers drop the
/// entry (key and value) before anything is written.
///
/// A key is split into words at every non-alphanumeric character and at each lowercase-to-uppercase step
/// (`clientSecret` → `client`, `secret`). The key is sensitive when its **last** word is one of ``sensitiveWords``
/// (`password`, `passwd`, `passphrase`, `secret`, `secrets`, `token`, `tokens`, `authorization`, `cookie`,
/// `apikey`), or its last two words are `api key` or `private key`. Matching is case-insensitive.
///
/// Deciding by the last word keeps keys *about* a secret that are not the secret: `token.expires_at`,
/// `token.state`, `secret.file`, `password.length` are kept; `access_token`, `client_secret`, `clientSecret`,
/// `Authorization`, `oauth.token`, `api_key` are dropped. Nested dictionaries are filtered the same way.
public enum SensitiveMetadata {
    /// Last words that make a key sensitive.
    public static let sensitiveWords: Set<String> = [
        "password", "passwd", "passphrase", "secret", "secrets", "token", "tokens", "authorization", "cookie",
        "apikey",
    ]

    private static let sensitiveLastPairs: Set<[String]> = [["api", "key"], ["private", "key"]]

    /// Whether the key names a secret (see the rules above).
    public static func isSensitive(key: String) -> Bool {
        let words = self.words(of: key)
        guard let last = words.last else { return false }
        if self.sensitiveWords.contains(last) { return true }
        return words.count >= 2 && self.sensitiveLastPairs.contains(Array(words.suffix(2)))
    }

    /// The metadata without sensitive keys, also inside nested dictionaries and arrays.
    public static func redacted(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var result: Logger.Metadata = [:]
        for (key, value) in metadata where !self.isSensitive(key: key) {
            result[key] = self.redacted(value)
        }
        return result
    }

    private static func redacted(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .dictionary(let dictionary): .dictionary(self.redacted(dictionary))
        case .array(let array): .array(array.map { self.redacted($0) })
        case .string, .stringConvertible: value
        }
    }

    /// Lowercased words of a key, split at non-alphanumerics and camel-case humps.
    static func words(of key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in key {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
