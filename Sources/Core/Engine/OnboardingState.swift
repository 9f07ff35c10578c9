/// Where an onboarding stands.
///
/// `queued → running(step) → succeeded | failed | cancelled`, with `waiting` while a transient
/// failure backs off. `failed` and `cancelled` can be retried; `succeeded` is final.
public enum OnboardingState: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case queued
    case running
    case waiting
    case succeeded
    case failed
    case cancelled

    /// No further step will run unless an operator retries.
    public var isTerminal: Bool { self == .succeeded || self == .failed || self == .cancelled }

    public var description: String { rawValue }
}
