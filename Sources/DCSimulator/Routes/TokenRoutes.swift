import Foundation
import Hummingbird

/// The form of `POST /idp/token` ([SPEC] request body, `application/x-www-form-urlencoded`).
private struct TokenForm: Decodable {
    var grant_type: String?
    var client_id: String?
    var client_secret: String?
    var username: String?
    var password: String?
    var scope: String?
}

/// `POST /idp/token` (AUTH-1 … AUTH-3).
struct TokenRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.post("idp/token") { request, context in
            var request = request
            let buffer = try await request.collectBody(upTo: maximumRequestBodySize)
            // Form body only ([SPEC], §1 "Content types").
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
                throw OAuthError(
                    status: .unsupportedMediaType,
                    error: "invalid_request",
                    description: "POST /idp/token takes 'application/x-www-form-urlencoded', not '\(contentType.isEmpty ? "none" : contentType)'"
                )
            }
            let form: TokenForm
            do {
                form = try URLEncodedFormDecoder().decode(TokenForm.self, from: String(buffer: buffer))
            } catch {
                throw OAuthError.invalidRequest("The form body could not be parsed")
            }
            guard let grantType = form.grant_type, !grantType.isEmpty else {
                throw OAuthError.invalidRequest("'grant_type' is required (use client_credentials)")
            }
            let basic = request.headers[.authorization].flatMap(BasicCredentials.init(header:))
            let op = simulator.operation(context)
            let peer = context.channel.remoteAddress?.ipAddress
            let token: AccessToken
            switch grantType {
            case "client_credentials":
                // AUTH-1: Basic auth, or client_id/client_secret as form fields.
                guard let clientID = basic?.clientID ?? form.client_id,
                    let secret = basic?.clientSecret ?? form.client_secret
                else {
                    throw OAuthError.invalidClient(
                        "Client authentication failed: send 'Authorization: Basic base64(client_id:client_secret)' or the client_id and client_secret form fields"
                    )
                }
                context.notes.update { $0.clientID = clientID }
                token = try simulator.withState { state in
                    guard var client = state.clients[clientID], client.secret == secret else {
                        // AUTH-3: OAuth shape with domain/reason ([3P: sandwave tests]).
                        throw OAuthError.invalidClient("Client authentication failed: unknown client_id or wrong client_secret")
                    }
                    client.lastAccessAt = op.now
                    client.lastAccessFromIP = peer
                    state.clients[clientID] = client
                    return state.issueToken(for: .apiClient(clientID: clientID, tenantID: client.tenantID), op)
                }
            case "password":
                // Needed so USR-6 (user tokens get 403 on password/activation) is testable.
                guard let username = form.username, let password = form.password else {
                    throw OAuthError.invalidRequest("The password grant needs 'username' and 'password'")
                }
                token = try simulator.withState { state in
                    guard let user = state.user(withLogin: username), user.password == password, user.enabled,
                        user.activated
                    else {
                        throw OAuthError.accessDenied("Wrong user name or password, or the user is not activated")
                    }
                    return state.issueToken(for: .user(userID: user.id, tenantID: user.tenantID), op)
                }
                context.notes.update { $0.userID = token.principal.userID }
            default:
                throw OAuthError.invalidRequest(
                    "grant_type '\(grantType)' is not supported by the simulator; use client_credentials or password"
                )
            }
            var body: [String: JSON] = [
                "access_token": .string(token.token),
                "token_type": "bearer",
                "id_token": .string(SimState.makeOpaqueToken(prefix: "sim_id_")),
                "expires_on": .int(Int(token.expiresAt.timeIntervalSince1970)),
            ]
            // Knob `tokenIncludesExpiresIn` (§10 #6).
            if op.config.tokenIncludesExpiresIn {
                body["expires_in"] = .int(Int(token.expiresAt.timeIntervalSince(token.issuedAt).rounded()))
            }
            return JSONResponse.make(status: .ok, body: .object(body), headers: [.cacheControl: "no-store"])
        }
    }
}
