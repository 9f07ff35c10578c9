#if os(Linux)
import Dispatch
import Glibc
import Synchronization

/// Watches one folder (the spool's `incoming/`) with inotify and delivers what it sees as an `AsyncStream`.
///
/// The watch reports `IN_MOVED_TO` (a producer renamed a finished file in, engineering notes §2.2) and
/// `IN_CLOSE_WRITE` (a legacy producer wrote in place and closed the file; it may fire early, so the content is still
/// validated in full), as ``SpoolEvent/file(_:)``; `IN_CREATE` only for an entry that is not a regular file (a
/// symlink or FIFO made in place, which nothing else would announce), so it is quarantined at once. The kernel always adds `IN_Q_OVERFLOW` when its queue overflows
/// and events are lost, delivered as ``SpoolEvent/overflow``: rescan the folder then. Names starting with `.` (the
/// producers' `.tmp-*` files) are dropped, as are events without a name.
///
/// The watch is in place when ``init(directory:)`` returns, so the start-up order of engineering notes §2.4 is:
///
/// ```swift
/// let watcher = try InotifyWatcher(directory: layout.incoming)    // 1. watch
/// for entry in try await SpoolScanner(layout: layout).scan() {   // 2. then scan
///     await consider(entry.name)
/// }
/// for await event in watcher.events {                             // 3. events since 1, deduplicated by the claim
///     switch event {
///     case .file(let name): await consider(name)
///     case .overflow: for entry in try await scanner.scan() { await consider(entry.name) }
///     }
/// }
/// ```
///
/// A file that appears between 1 and 2 is seen twice, by the scan and as an event; the second look finds it gone
/// (vanished) or the claim's idempotent commit dedupes it.
///
/// The descriptor is non-blocking (`IN_NONBLOCK | IN_CLOEXEC`) and read by a `DispatchSource` read source on its own
/// serial queue, never on Swift's cooperative pool (engineering notes §6.5). The buffer is parsed by hand, because
/// the name that trails `struct inotify_event` is not imported into Swift (`InotifyEventParser`).
///
/// The stream finishes when ``close()`` is called, when the watcher is deinitialised, when the task iterating
/// ``events`` is cancelled, or when the kernel removes the watch (the folder was deleted or its file system
/// unmounted: `IN_IGNORED`, `IN_UNMOUNT`). In all cases the descriptor is closed.
///
/// - Important: Keep a reference to the watcher while you iterate ``events``: dropping the watcher closes it.
///   ``events`` has a single consumer.
public final class InotifyWatcher: Sendable {
    /// The watched folder.
    public let directory: String
    /// What the watcher sees, in order. Buffered without bound until read; one consumer only.
    public let events: AsyncStream<SpoolEvent>

    /// Owns the read source; shared with the stream's termination handler.
    private let handle: SourceHandle

    /// The events the watch asks for; `IN_Q_OVERFLOW`, `IN_IGNORED` and `IN_UNMOUNT` come regardless.
    static let watchMask = UInt32(IN_MOVED_TO | IN_CLOSE_WRITE | IN_CREATE | IN_ONLYDIR | IN_DONT_FOLLOW)

    /// The size of one `read`: room for at least 64 events with the longest names (`NAME_MAX` 255).
    private static let readBufferSize = 64 * (InotifyEventParser.headerSize + 256)

    /// Starts watching `directory`. When this returns, the watch is in place: anything renamed into or written in
    /// the folder from now on is reported.
    ///
    /// - Throws: ``SpoolError/inotify`` if `inotify_init1` or `inotify_add_watch` fails (e.g. the folder does not
    ///   exist, or the inotify limits are exhausted), with the `errno`.
    public init(directory: String) throws {
        self.directory = directory
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let initErrno = errno
        guard fd >= 0 else { throw SpoolError.inotify.with(operation: "inotify_init1", errno: initErrno) }
        let watch = inotify_add_watch(fd, directory, Self.watchMask)
        let watchErrno = errno
        guard watch >= 0 else {
            Glibc.close(fd)
            throw SpoolError.inotify.with(operation: "inotify_add_watch", path: directory, errno: watchErrno)
        }

        let (stream, continuation) = AsyncStream.makeStream(of: SpoolEvent.self, bufferingPolicy: .unbounded)
        self.events = stream
        let readSource = DispatchSource.makeReadSource(
            fileDescriptor: fd, queue: DispatchQueue(label: "onboard.spool.inotify"))
        let handle = SourceHandle(readSource)
        self.handle = handle

        readSource.setEventHandler {
            if !Self.drain(fd: fd, directory: directory, into: continuation) {
                handle.cancel()
            }
        }
        readSource.setCancelHandler {
            Glibc.close(fd)
            continuation.finish()
        }
        continuation.onTermination = { _ in handle.cancel() }
        readSource.activate()
    }

    deinit {
        close()
    }

    /// Stops watching: closes the descriptor and finishes ``events``. Idempotent; events already buffered can still
    /// be read.
    public func close() {
        handle.cancel()
    }

    /// Reads and delivers everything available on `fd`; returns `false` when the watch is over.
    ///
    /// Runs on the source's queue only.
    private static func drain(fd: Int32, directory: String, into continuation: AsyncStream<SpoolEvent>.Continuation) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: readBufferSize, alignment: 8) { buffer in
            while true {
                let count = read(fd, buffer.baseAddress, buffer.count)
                let readErrno = errno
                if count < 0 {
                    if readErrno == EINTR { continue }
                    // EAGAIN: drained; anything else (EBADF after close) ends the watch.
                    return readErrno == EAGAIN || readErrno == EWOULDBLOCK
                }
                if count == 0 { return true }
                for event in InotifyEventParser.parse(UnsafeRawBufferPointer(rebasing: buffer[..<count])) {
                    switch disposition(of: event, isRegularFile: { isRegularFile(directory + "/" + $0) }) {
                    case .deliver(let spoolEvent): continuation.yield(spoolEvent)
                    case .skip: continue
                    case .end: return false
                    }
                }
            }
        }
    }

    /// What to do with one raw event.
    enum Disposition: Equatable {
        case deliver(SpoolEvent)
        case skip
        /// The watch is gone (`IN_IGNORED`, `IN_UNMOUNT`): finish the stream.
        case end
    }

    /// Maps a raw event to what the stream delivers: overflow first, then the end of the watch, then names that do
    /// not start with `.`.
    ///
    /// `IN_CREATE` is delivered only for an entry that is not a regular file (a symlink, FIFO or folder made in
    /// place, which no write or rename event would ever announce), so it is quarantined at once; a regular file
    /// being created is still being written, and comes again with `IN_CLOSE_WRITE`.
    ///
    /// - Parameter isRegularFile: Whether the named entry is a regular file (`lstat`); asked only for `IN_CREATE`.
    static func disposition(of event: InotifyRawEvent, isRegularFile: (String) -> Bool = { _ in true }) -> Disposition {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { return .deliver(.overflow) }
        if event.mask & UInt32(IN_IGNORED | IN_UNMOUNT) != 0 { return .end }
        guard let first = event.name.first, first != UInt8(ascii: ".") else { return .skip }
        let name = String(decoding: event.name, as: UTF8.self)
        if event.mask & (UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)) != 0 { return .deliver(.file(name)) }
        if event.mask & UInt32(IN_CREATE) != 0, event.mask & UInt32(IN_ISDIR) != 0 || !isRegularFile(name) { return .deliver(.file(name)) }
        return .skip
    }

    /// Whether `path` is a regular file, not following a symlink; a vanished entry counts as regular (nothing to do).
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        return (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// Owns the read source, so that the stream's termination handler can cancel it without capturing the watcher
/// (which would keep the watcher alive).
///
/// `@unchecked Sendable` is sound: ``source`` is an immutable reference, and `dispatch_source_cancel` may be called
/// from any thread (libdispatch documents sources as thread-safe); the only mutable state is behind the `Mutex`.
private final class SourceHandle: @unchecked Sendable {
    private let source: any DispatchSourceRead
    private let cancelled = Mutex(false)

    init(_ source: any DispatchSourceRead) {
        self.source = source
    }

    /// Cancels the source once; its cancel handler closes the descriptor and finishes the stream.
    func cancel() {
        let first = cancelled.withLock { cancelled in
            defer { cancelled = true }
            return !cancelled
        }
        if first { source.cancel() }
    }
}
#endif
