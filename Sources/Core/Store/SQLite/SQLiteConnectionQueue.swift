import Dispatch

/// A ``SQLiteConnection`` confined to its own serial `DispatchQueue`, reached from async code through continuations.
///
/// Every use of the connection, including opening and closing it, runs on the queue, one job at a time, so the
/// `SQLITE_OPEN_NOMUTEX` connection is never used from two threads at once and its blocking calls never occupy a
/// thread of Swift's cooperative pool. The queue targets libdispatch's overcommitting default-priority global queue,
/// which gives it a thread even while other work blocks.
///
/// `@unchecked Sendable` is sound because ``connection`` is only read or written on ``queue`` (engineering notes
/// §6.5: C pointers wrapped in an unchecked-Sendable class only inside their thread-confined owner).
final class SQLiteConnectionQueue: @unchecked Sendable {
    /// Set on every connection queue; `DispatchQueue.getSpecific(key:)` returns the queue's label there.
    static let labelKey = DispatchSpecificKey<String>()

    let label: String
    private let queue: DispatchQueue
    /// Only touched on `queue`.
    private var connection: SQLiteConnection?

    private init(label: String) {
        self.label = label
        self.queue = DispatchQueue(label: label)
        queue.setSpecific(key: Self.labelKey, value: label)
    }

    /// Opens a connection with `open`, on a new queue named `label`.
    static func open(
        label: String,
        _ open: @escaping @Sendable () throws -> SQLiteConnection
    ) async throws -> SQLiteConnectionQueue {
        let owner = SQLiteConnectionQueue(label: label)
        try await owner.perform { owner.connection = try open() }
        return owner
    }

    /// Runs `body` with the connection on the queue and returns its result.
    ///
    /// Jobs run in the order they were submitted. A job runs to its end even if the awaiting task is cancelled.
    ///
    /// - Throws: ``SQLiteError/closed`` after ``close()``, or what `body` throws.
    func run<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await perform {
            guard let connection = self.connection else { throw SQLiteError.closed }
            return try body(connection)
        }
    }

    /// Closes the connection after the jobs submitted before this call. Idempotent.
    func close() async {
        try? await perform {
            self.connection?.close()
            self.connection = nil
        }
    }

    private func perform<T: Sendable>(_ job: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try job() })
            }
        }
    }
}
