import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix

/// Sends DC requests with async-http-client.
///
/// It performs exactly one attempt per call; retries, rate limits and pauses belong to
/// ``RequestScheduler``. Errors are classified into ``DCTransportError/Kind/notSent`` (the
/// connection was never established, so any request may be repeated) and
/// ``DCTransportError/Kind/outcomeUnknown`` (the request may have reached the server).
public struct AsyncHTTPClientTransport: DCHTTPTransport {
    private let client: HTTPClient
    /// Responses larger than this are refused (the API's largest lists are far smaller).
    private let maximumResponseBytes: Int

    public init(client: HTTPClient = .shared, maximumResponseBytes: Int = 32 * 1024 * 1024) {
        self.client = client
        self.maximumResponseBytes = maximumResponseBytes
    }

    public func send(_ request: DCHTTPRequest) async throws(DCTransportError) -> DCHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(data: body))
        }
        do {
            let response = try await client.execute(outgoing, timeout: TimeAmount(request.timeout))
            let body = try await response.body.collect(upTo: maximumResponseBytes)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                headers[name.lowercased()] = headers[name.lowercased()].map { "\($0), \(value)" } ?? value
            }
            return DCHTTPResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: body))
        } catch {
            throw Self.classify(error)
        }
    }

    /// Decides whether a failed attempt could have reached the server.
    static func classify(_ error: any Error) -> DCTransportError {
        if let clientError = error as? HTTPClientError {
            // No connection was ever handed to the request: the server cannot have seen it.
            let neverSent: [HTTPClientError] = [
                .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout,
                .httpProxyHandshakeTimeout, .invalidURL, .emptyHost, .emptyScheme,
            ]
            return DCTransportError(
                kind: neverSent.contains(clientError) ? .notSent : .outcomeUnknown,
                detail: String(describing: clientError)
            )
        }
        if error is NIOConnectionError {
            return DCTransportError(kind: .notSent, detail: "connection failed")
        }
        if let ioError = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(ioError.errnoCode) {
            return DCTransportError(kind: .notSent, detail: ioError.description)
        }
        if error is CancellationError {
            return DCTransportError(kind: .outcomeUnknown, detail: "cancelled")
        }
        return DCTransportError(kind: .outcomeUnknown, detail: String(describing: type(of: error)))
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
