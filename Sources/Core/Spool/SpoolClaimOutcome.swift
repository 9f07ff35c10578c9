/// Where a spool file ended up after ``SpoolClaim``.
public enum SpoolClaimOutcome: Sendable, Hashable {
    /// The onboarding was committed and the file is now at `path`: `processing/<onboarding-id>.json`, or
    /// `processing/<onboarding-id>.duplicate-<uuid>.json` if another file with the same onboarding (an identical
    /// request under another name) got there first.
    case accepted(onboardingID: String, path: String)
    /// The file is now at `path` in `rejected/`, beside its report at `reportPath`.
    case rejected(SpoolRejection, path: String, reportPath: String)
    /// The file was gone before it could be read or moved: an earlier pass claimed it, or its submitter removed
    /// it. Nothing to do.
    case vanished
    /// Another file was renamed over the name between reading and moving. It was left in `incoming/`, where its own
    /// event or the next scan finds it. (For an accepted file, the committed onboarding stands: its content is in
    /// the database.)
    case replaced
}
