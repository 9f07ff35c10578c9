import Hummingbird
import NIOCore
import Synchronization

/// The outermost middleware: maps errors to error responses and records every `/api/2` exchange in the request
/// log (OPS-1) and, with `--record`, in the record file.
///
/// Neither the `Authorization` header nor secret values are ever recorded (see ``Redaction``).
struct RecordingMiddleware: RouterMiddleware {
    typealias Context = SimRequestContext

    let simulator: DCSimulator

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        let path = request.uri.path
        guard path.hasPrefix("/api/2") else {
            do {
                return try await next(request, context)
            } catch {
                return ErrorMapping.response(for: error, request: request, context: context)
            }
        }
        let requestBody: ByteBuffer
        do {
            requestBody = try await request.collectBody(upTo: maximumRequestBodySize)
        } catch {
            return ErrorMapping.response(for: error, request: request, context: context)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorMapping.response(for: error, request: request, context: context)
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let responseBody = collector.buffer
        response.body = .init(byteBuffer: responseBody)
        simulator.record(
            request: request,
            requestBody: requestBody,
            status: response.status.code,
            responseBody: responseBody,
            notes: context.notes.snapshot
        )
        return response
    }
}

/// Collects a response body into one buffer.
private struct BodyCollector: ResponseBodyWriter {
    final class Box: Sendable {
        let buffer = Mutex(ByteBuffer())
    }

    let box = Box()

    var buffer: ByteBuffer { box.buffer.withLock { $0 } }

    func write(_ buffer: ByteBuffer) async throws {
        box.buffer.withLock { stored in
            var incoming = buffer
            stored.writeBuffer(&incoming)
        }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
