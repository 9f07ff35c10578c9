extension StepFailure {
    /// Classifies a DC API error: what may pass by itself is transient, the rest permanent.
    ///
    /// Transient: the DC unreachable or overloaded, server errors, a POST whose outcome is unknown
    /// (the next attempt reconciles), an incomplete list. Permanent: refusals and conflicts, which
    /// need a person (acronis-api.md §8.2).
    public init(_ error: DCAPIError) {
        let transient: Set<DCAPIError.Code> = [.unavailable, .serverError, .outcomeUnknown, .incompleteList, .cancelled]
        let kind: Kind = transient.contains(error.code) || error.acronisCode == 1000 || error.acronisCode == 1019 ? .transient : .permanent
        self.init(kind: kind, code: "dc_\(error.code)", message: error.description, acronisCode: error.acronisCode)
    }

    /// A permanent failure found by onboard itself (a conflict, a profile that cannot be applied).
    public static func permanent(_ code: String, _ message: String) -> StepFailure {
        StepFailure(kind: .permanent, code: code, message: message)
    }

    /// A transient failure found by onboard itself (e.g. a post-condition not visible yet).
    public static func transient(_ code: String, _ message: String) -> StepFailure {
        StepFailure(kind: .transient, code: code, message: message)
    }
}

extension StepFailure: Error {}
