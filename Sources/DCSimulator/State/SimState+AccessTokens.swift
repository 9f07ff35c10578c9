import Foundation

/// Bearer tokens (AUTH-1, AUTH-2).
extension SimState {
    /// A new opaque token string from the system generator (not the seeded one: tokens must not be guessable).
    static func makeOpaqueToken(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return prefix + String((0..<43).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Issues a token for `principal` valid for `tokenLifetimeSec` (AUTH-2, [DOC-AUTH]).
    mutating func issueToken(for principal: Principal, _ op: Operation) -> AccessToken {
        let token = AccessToken(
            token: Self.makeOpaqueToken(prefix: "sim_at_"),
            principal: principal,
            issuedAt: op.now,
            expiresAt: op.now.addingTimeInterval(TimeInterval(op.config.tokenLifetimeSec))
        )
        accessTokens[token.token] = token
        // Forget expired tokens so the table stays small.
        accessTokens = accessTokens.filter { $0.value.expiresAt > op.now }
        return token
    }

    /// The caller behind `Authorization: Bearer <token>`; 401 if unknown, expired or revoked (AUTH-2).
    func authenticate(bearer token: String, at now: Date) throws -> Principal {
        guard let issued = accessTokens[token] else {
            throw APIError.unauthorized("The access token is invalid or has been revoked; request a new one at POST /idp/token")
        }
        guard issued.expiresAt > now else {
            throw APIError.unauthorized("The access token expired at \(Timestamp.string(issued.expiresAt)); request a new one at POST /idp/token")
        }
        if let userID = issued.principal.userID, user(userID)?.enabled != true {
            throw APIError.unauthorized("The user of this access token is disabled or deleted")
        }
        return issued.principal
    }
}
