import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the candidates in the spool's `incoming/`: at start-up (after the watch is in place), after an inotify
/// queue overflow, and as a periodic safety net.
///
/// inotify can lose events (queue overflow) and does not see what happened before the watch was added, so a
/// reliable consumer rescans (inotify(7), engineering notes §2.4). Start ``InotifyWatcher`` **first**, then call
/// ``scan()``: a file that arrives in between is then seen by both, never by neither. Rescan on
/// ``SpoolEvent/overflow`` and every few minutes (e.g. 5) on a timer; handing the same name to the claim twice is
/// harmless, because the first claim moves the file away (the second read finds it vanished) and the commit is
/// idempotent.
///
/// The listing skips names starting with `.` (producers' `.tmp-*` files) and returns the rest, **of any type**,
/// oldest first by modification time, then by name. Symlinks, FIFOs and folders are listed on purpose: creating them
/// in place raises no watched event (`IN_CREATE` is not watched), so without the scan they would sit in `incoming/`
/// unnoticed; ``SpoolFileReader`` classifies and the claim quarantines them.
///
/// The listing runs on a dedicated queue, never on Swift's cooperative pool.
public struct SpoolScanner: Sendable {
    /// The spool being scanned.
    public var layout: SpoolLayout

    /// A scanner for `layout`'s `incoming/`.
    public init(layout: SpoolLayout) {
        self.layout = layout
    }

    /// The candidates in `incoming/`, oldest first (modification time, then name).
    ///
    /// An entry removed while the scan runs is left out.
    ///
    /// - Throws: ``SpoolError/io`` if the folder cannot be listed.
    public func scan() async throws -> [SpoolEntry] {
        let directory = layout.incoming
        return try await BlockingIOQueue.shared.run { try Self.list(directory) }
    }

    /// Lists `directory` synchronously. Blocks: call on a ``BlockingIOQueue``.
    static func list(_ directory: String) throws -> [SpoolEntry] {
        guard let stream = opendir(directory) else {
            let code = errno
            throw SpoolError.io.with(operation: "opendir", path: directory, errno: code)
        }
        defer { closedir(stream) }
        var entries: [SpoolEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                let code = errno
                if code != 0 { throw SpoolError.io.with(operation: "readdir", path: directory, errno: code) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            guard !name.hasPrefix(".") else { continue }  // ".", "..", and producers' temporary files
            guard let status = try SpoolPOSIX.lstatIfExists(directory + "/" + name) else { continue }
            entries.append(
                SpoolEntry(
                    name: name, modifiedAt: SpoolPOSIX.modificationDate(status),
                    isRegularFile: status.st_mode & S_IFMT == S_IFREG))
        }
        return entries.sorted { ($0.modifiedAt, $0.name) < ($1.modifiedAt, $1.name) }
    }
}
