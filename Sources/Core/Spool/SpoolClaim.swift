import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes a request file out of `incoming/`: commit first, then move (engineering notes §2.5), so that a crash at any
/// point neither loses nor doubles a request.
///
/// ```swift
/// let claim = SpoolClaim(layout: layout)
/// let outcome = try await claim.process(name, reader: reader) { file in
///     let request = try parse(file.contents)        // throw for a daemon problem; return .rejected for a bad file
///     let id = try await store.submit(…key derived from the content…)   // idempotent
///     return .accepted(id)
/// }
/// ```
///
/// The order is:
///
/// 1. `commit` runs while the file is still in `incoming/`. The caller validates the request and commits its
///    onboarding to the database, and returns ``ClaimDecision/accepted(_:)`` or ``ClaimDecision/rejected(reason:)``.
/// 2. Only after `commit` returns does the file move: accepted → `processing/<onboarding-id>.json`, rejected →
///    `rejected/<name>` beside `rejected/<name>.error.json`. Then the folders are `fsync`ed.
///
/// If `commit` throws, nothing moves and the error is rethrown: the file stays in `incoming/` for a later pass. If the
/// process dies after the commit but before (or during) the move, the file is also still in `incoming/` (a rename is
/// atomic; until the folders are `fsync`ed after a power loss, it may be back there), and the next scan claims it
/// again.
///
/// - Important: The caller's `commit` **must be idempotent**: committing the same file twice must return the same
///   onboarding id and create nothing new. The crash-safety of this protocol rests on that. `OnboardingStore.submit`
///   gives it by deduplicating on the idempotency key (the second call returns `.existing` with the first id); derive
///   the key from the file's content, not from its name or time.
///
/// Nothing is ever deleted: a name collision in `rejected/` gets a `.<uuid>` suffix, and a second file for an
/// onboarding that already has one in `processing/` gets `.duplicate-<uuid>`. File-system work runs on a dedicated
/// serial queue, never on Swift's cooperative pool; `commit` runs in the caller's task.
public struct SpoolClaim: Sendable {
    /// The spool.
    public var layout: SpoolLayout
    /// The version written into rejection reports.
    public var daemonVersion: String

    /// A claim on `layout`.
    ///
    /// - Parameters:
    ///   - layout: The spool.
    ///   - daemonVersion: Written into `.error.json` reports; defaults to ``OnboardVersion/current``.
    public init(layout: SpoolLayout, daemonVersion: String = OnboardVersion.current) {
        self.layout = layout
        self.daemonVersion = daemonVersion
    }

    /// Reads `name` from `incoming/` and claims it, quarantines it, or ignores it if it vanished.
    ///
    /// - Parameters:
    ///   - name: A name from ``InotifyWatcher`` or ``SpoolScanner``.
    ///   - reader: Reads the file, with its size limit.
    ///   - commit: Validates and commits the request; see ``claim(_:commit:)``.
    /// - Returns: Where the file ended up.
    /// - Throws: What `commit` throws, or ``SpoolError`` if a file-system call fails. The file then stays in
    ///   `incoming/`.
    public func process(
        _ name: String, reader: SpoolFileReader, commit: @Sendable (SpoolFile) async throws -> ClaimDecision
    ) async throws -> SpoolClaimOutcome {
        switch try await reader.read(name) {
        case .file(let file): return try await claim(file, commit: commit)
        case .invalid(let invalid): return try await quarantine(invalid)
        case .vanished: return .vanished
        }
    }

    /// Commits `file` through `commit`, then moves it out of `incoming/` according to the decision.
    ///
    /// - Parameters:
    ///   - file: A file read by ``SpoolFileReader``.
    ///   - commit: Validates the request and commits its onboarding to the database, then returns the decision.
    ///     It must be idempotent (see ``SpoolClaim``). Throw only for the daemon's own problems (database down);
    ///     a bad request is ``ClaimDecision/rejected(reason:)``, not an error.
    /// - Returns: Where the file ended up.
    /// - Throws: What `commit` throws (nothing moved), ``SpoolError/invalidName`` if the onboarding id is not a
    ///   plain file name, or ``SpoolError/io``.
    public func claim(
        _ file: SpoolFile, commit: @Sendable (SpoolFile) async throws -> ClaimDecision
    ) async throws -> SpoolClaimOutcome {
        try SpoolPOSIX.validateFileName(file.name)
        let decision = try await commit(file)
        let layout = self.layout
        switch decision {
        case .accepted(let onboardingID):
            try SpoolPOSIX.validateFileName(onboardingID + ".json", what: "onboarding id")
            return try await BlockingIOQueue.shared.run {
                try Self.moveAccepted(file, onboardingID: onboardingID, layout: layout)
            }
        case .rejected(let rejection):
            let invalid = SpoolInvalidFile(
                name: file.name, rejection: rejection, submitterUID: file.submitterUID, size: file.size,
                receivedAt: file.receivedAt, identity: file.identity)
            return try await quarantine(invalid)
        }
    }

    /// Moves `invalid` to `rejected/` and writes its `.error.json` report beside it.
    ///
    /// The report is written first (write-then-rename, `fsync`ed), then the file is moved, so every file in
    /// `rejected/` has its report. If the name (or its report's name) is taken in `rejected/`, `.<uuid>` is appended.
    ///
    /// - Returns: ``SpoolClaimOutcome/rejected(_:path:reportPath:)``, or ``SpoolClaimOutcome/vanished`` /
    ///   ``SpoolClaimOutcome/replaced`` if the entry is gone or is no longer the one that was read.
    /// - Throws: ``SpoolError``; the file then stays in `incoming/`.
    public func quarantine(_ invalid: SpoolInvalidFile) async throws -> SpoolClaimOutcome {
        try SpoolPOSIX.validateFileName(invalid.name)
        let layout = self.layout
        let daemonVersion = self.daemonVersion
        return try await BlockingIOQueue.shared.run {
            try Self.moveRejected(invalid, layout: layout, daemonVersion: daemonVersion)
        }
    }

    // MARK: - Moving (on the blocking queue)

    /// Whether `incoming/name` is still the entry that was read: `nil` if it is gone.
    private static func stillThere(_ path: String, identity: SpoolFileIdentity?) throws -> Bool? {
        guard let status = try SpoolPOSIX.lstatIfExists(path) else { return nil }
        guard let identity else { return true }
        return SpoolFileReader.identity(status) == identity
    }

    private static func moveAccepted(_ file: SpoolFile, onboardingID: String, layout: SpoolLayout) throws
        -> SpoolClaimOutcome
    {
        let source = layout.incoming(file.name)
        switch try stillThere(source, identity: file.identity) {
        case nil: return .vanished
        case false?: return .replaced
        case true?: break
        }
        var destination = layout.processing + "/" + onboardingID + ".json"
        var attempts = 0
        while true {
            do {
                if try SpoolPOSIX.renameNoReplace(source, destination) { break }
            } catch let error as SpoolError where error.errno == ENOENT {
                return .vanished
            }
            attempts += 1
            guard attempts < 3 else {
                throw SpoolError.io.with(operation: "rename", path: destination, errno: EEXIST)
            }
            destination = layout.processing + "/" + onboardingID + ".duplicate-" + UUID().uuidString.lowercased()
                + ".json"
        }
        try SpoolPOSIX.fsyncDirectory(layout.processing)
        try SpoolPOSIX.fsyncDirectory(layout.incoming)
        return .accepted(onboardingID: onboardingID, path: destination)
    }

    private static func moveRejected(_ invalid: SpoolInvalidFile, layout: SpoolLayout, daemonVersion: String) throws
        -> SpoolClaimOutcome
    {
        let source = layout.incoming(invalid.name)
        switch try stillThere(source, identity: invalid.identity) {
        case nil: return .vanished
        case false?: return .replaced
        case true?: break
        }
        var target = invalid.name
        func taken(_ name: String) throws -> Bool {
            try SpoolPOSIX.exists(layout.rejected + "/" + name)
                || SpoolPOSIX.exists(layout.rejected + "/" + name + ".error.json")
        }
        if try taken(target) || target.utf8.count > 255 - ".error.json".utf8.count {
            // Keep the name recognisable, and short enough for the report's name to fit NAME_MAX.
            let suffix = "." + UUID().uuidString.lowercased()
            let room = 255 - ".error.json".utf8.count - suffix.utf8.count
            var stem = invalid.name
            while stem.utf8.count > room { stem.removeLast() }
            target = stem + suffix
        }
        let report = SpoolRejectionReport(
            file: invalid.name, rejectedAs: target, rejection: invalid.rejection, receivedAt: invalid.receivedAt,
            submitterUID: invalid.submitterUID, size: invalid.size, daemonVersion: daemonVersion)
        let reportName = target + ".error.json"
        let reportPath = layout.rejected + "/" + reportName
        try SpoolPOSIX.writeAtomically(try report.encoded(), directory: layout.rejected, name: reportName, mode: 0o640)
        let destination = layout.rejected + "/" + target
        let moved: Bool
        do {
            moved = try SpoolPOSIX.renameNoReplace(source, destination)
        } catch let error as SpoolError where error.errno == ENOENT {
            unlink(reportPath)  // our own report, for a file that is no longer there
            return .vanished
        }
        guard moved else {
            throw SpoolError.io.with(operation: "rename", path: destination, errno: EEXIST)
        }
        try SpoolPOSIX.fsyncDirectory(layout.rejected)
        try SpoolPOSIX.fsyncDirectory(layout.incoming)
        return .rejected(invalid.rejection, path: destination, reportPath: reportPath)
    }
}
