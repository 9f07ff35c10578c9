/// Something ``InotifyWatcher`` saw in `incoming/`.
public enum SpoolEvent: Sendable, Hashable {
    /// A file named `name` was renamed into the folder (`IN_MOVED_TO`) or closed after writing (`IN_CLOSE_WRITE`).
    ///
    /// The name is a single path component and never starts with `.`. It may already be gone when you look: a name
    /// is a hint to read, not a promise.
    case file(String)
    /// The kernel's event queue overflowed (`IN_Q_OVERFLOW`) and events were lost: rescan the whole folder.
    case overflow
}
