/// Sends one logical request to a data centre and returns its final response.
///
/// ``RequestScheduler`` (rate limit, pauses, retries) is the production implementation; a bare
/// ``DCHTTPTransport`` can be wrapped with ``UnscheduledSender`` where no scheduling is wanted.
/// Errors are ``DCAPIError`` values, already classified.
public protocol DCRequestSending: Sendable {
    func send(_ request: DCHTTPRequest) async throws(DCAPIError) -> DCHTTPResponse
}

/// Sends every request exactly once, with no rate limit and no retries.
public struct UnscheduledSender<Transport: DCHTTPTransport>: DCRequestSending {
    public let transport: Transport

    public init(transport: Transport) { self.transport = transport }

    public func send(_ request: DCHTTPRequest) async throws(DCAPIError) -> DCHTTPResponse {
        do {
            return try await transport.send(request)
        } catch {
            throw DCAPIError(transportError: error, operation: request.logLabel)
        }
    }
}

extension DCAPIError {
    /// Classifies a transport failure: a request that was never sent leaves the DC unavailable;
    /// one that may have arrived has an unknown outcome.
    public init(transportError: DCTransportError, operation: String) {
        switch transportError.kind {
        case .notSent:
            self.init(code: .unavailable, operation: operation, message: transportError.description)
        case .outcomeUnknown:
            self.init(code: .outcomeUnknown, operation: operation, message: transportError.description)
        }
    }
}
