/// What ``SpoolFileReader/read(_:now:)`` found under a name in `incoming/`.
public enum SpoolReadResult: Sendable, Hashable {
    /// A regular file within the size limit, read in full: hand it to ``SpoolClaim/claim(_:commit:)``.
    case file(SpoolFile)
    /// The entry must be quarantined without parsing: hand it to ``SpoolClaim/quarantine(_:)``.
    case invalid(SpoolInvalidFile)
    /// Nothing is there any more (`ENOENT`): an earlier pass claimed it, or its submitter removed it. Not an error;
    /// ignore it.
    case vanished
}
