import Foundation
import Hummingbird

/// Authenticates `/api/2` requests with `Authorization: Bearer <token>` (AUTH-2: unknown, expired or revoked → 401).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext

    let simulator: DCSimulator

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("Missing 'Authorization: Bearer <access_token>' header; get a token at POST /api/2/idp/token")
        }
        guard header.lowercased().hasPrefix("bearer ") else {
            throw APIError.unauthorized("The Authorization header must use the Bearer scheme")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        let principal = try simulator.authenticate(bearer: token)
        context.notes.update {
            $0.clientID = principal.clientID
            $0.userID = principal.userID
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
