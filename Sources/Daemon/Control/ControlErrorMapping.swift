import OnboardCore

extension RPCError {
    /// The control-socket error for a failure of the engine, the store, the planner or the configuration: the one
    /// place where daemon errors become JSON-RPC errors (and so `onboardctl` exit codes).
    init(daemonFailure error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as EngineError:
            let kind: RPCError =
                switch error.code {
                case .notFound, .noCredentials: .notFound
                case .keyConflict, .notCancellable, .notRetryable: .conflict
                case .unknownPartner: .invalidData
                }
            self = kind.with(message: error.description, details: ["reason": .string(error.code.rawValue)])
        case let failure as StepFailure:
            let kind: RPCError = failure.kind == .transient ? .unavailable : .invalidData
            self = kind.with(message: failure.message, details: ["reason": .string(failure.code)])
        case let error as ConfigurationError:
            self = RPCError.invalidData.with(
                message: error.description + "\nthe running configuration was kept; fix the file and reload again",
                details: ["problems": .array(error.problems.map { .string($0.description) })])
        case is CancellationError:
            self = RPCError.unavailable.with(message: "onboardd is shutting down; retry once it is back")
        default:
            self = RPCError.internalError.with(message: "onboardd failed unexpectedly (\(error)); see journalctl -u onboardd and report a bug")
        }
    }
}
