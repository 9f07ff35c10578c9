import Logging
import Hummingbird

/// Turns any error into a response in the API's error shape.
enum ErrorMapping {
    /// The response for `error`: our own errors answer in their shape; Hummingbird's `HTTPError` (e.g. the router's
    /// 404 for unknown paths, 413 for large bodies) and unexpected errors get the envelope (GEN-1, [SPEC]).
    static func response(for error: any Error, request: Request, context: SimRequestContext) -> Response {
        switch error {
        case let error as APIError:
            return JSONResponse.make(status: error.status, body: error.body, headers: error.headers)
        case let error as OAuthError:
            return (try? error.response(from: request, context: context))
                ?? JSONResponse.make(status: error.status, body: error.body)
        case let error as HTTPError:
            let message =
                error.status == .notFound
                ? "No such endpoint: \(request.method.rawValue) \(request.uri.path)"
                : (error.body ?? error.status.reasonPhrase)
            let envelope = APIError(status: error.status.code, message, headers: error.headers)
            return JSONResponse.make(status: envelope.status, body: envelope.body, headers: envelope.headers)
        default:
            context.logger.error("Unexpected error: \(String(describing: error))")
            let envelope = APIError(status: 500, code: 1000, "Internal error in the simulator: \(error)")
            return JSONResponse.make(status: envelope.status, body: envelope.body)
        }
    }
}
