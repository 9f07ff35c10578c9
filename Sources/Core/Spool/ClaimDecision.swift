/// What the daemon decided about a spool file inside ``SpoolClaim/claim(_:commit:)``'s `commit`, **after** the
/// decision is durable in the database.
public enum ClaimDecision: Sendable, Hashable {
    /// The request is valid and its onboarding is committed under this id: the file moves to
    /// `processing/<onboarding-id>.json`. The id must be a plain file name (no `/`); UUIDs are.
    case accepted(String)
    /// The request is refused: the file moves to `rejected/` beside a `.error.json` report.
    case rejected(reason: SpoolRejection)
}
