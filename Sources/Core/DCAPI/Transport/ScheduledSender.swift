/// Sends DC requests through the data centre's ``RequestScheduler`` (rate limit, pauses, retries)
/// over a transport, and turns scheduler failures into ``DCAPIError`` values.
public struct ScheduledSender<Transport: DCHTTPTransport>: DCRequestSending {
    public let scheduler: RequestScheduler
    public let transport: Transport

    public init(scheduler: RequestScheduler, transport: Transport) {
        self.scheduler = scheduler
        self.transport = transport
    }

    public func send(_ request: DCHTTPRequest) async throws(DCAPIError) -> DCHTTPResponse {
        do {
            return try await scheduler.send(request, over: transport)
        } catch {
            throw DCAPIError(schedulerError: error, operation: request.logLabel)
        }
    }
}

extension DCAPIError {
    /// Classifies a scheduler failure. The message keeps the scheduler's explanation (attempts,
    /// pauses, last status), which never holds a header or a body.
    public init(schedulerError: SchedulerError, operation: String) {
        let code: Code =
            if schedulerError == .outcomeUnknown {
                .outcomeUnknown
            } else if schedulerError == .cancelled {
                .cancelled
            } else if schedulerError == .retriesExhausted, let status = schedulerError.lastStatus, status >= 500 {
                .serverError
            } else {
                .unavailable
            }
        self.init(code: code, operation: operation, status: schedulerError.lastStatus, message: schedulerError.description)
    }
}
