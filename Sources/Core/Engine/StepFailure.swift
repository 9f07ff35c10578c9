/// Why a step failed, classified for the state machine.
public struct StepFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whether trying again later can help.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Validation errors, conflicts, refusals: the onboarding fails at once with the reason.
        case permanent
        /// Unavailable DC, throttling, server errors, outcome unknown: back off and try again.
        case transient
    }

    public var kind: Kind
    /// A stable, machine-readable name, e.g. `tenant_name_taken`, `dc_unavailable`.
    public var code: String
    /// What happened and what to do, for the operator. Never holds a secret.
    public var message: String
    /// The Acronis `error.code`, when the DC gave one.
    public var acronisCode: Int?

    public init(kind: Kind, code: String, message: String, acronisCode: Int? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.acronisCode = acronisCode
    }

    public var description: String { "\(code): \(message)" }
}
