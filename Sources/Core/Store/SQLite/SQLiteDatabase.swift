/// An SQLite database shared by async code: one writer connection and one reader connection, each confined to its
/// own serial dispatch queue.
///
/// **Threading model.** SQLite calls block, so none of them runs on Swift's cooperative thread pool (engineering
/// notes §6.5). The writer ``SQLiteConnection`` lives on the serial queue `onboard.sqlite.writer`; every
/// ``write(_:)``, ``writeWithoutTransaction(_:)`` and ``check()`` is a job on that queue, so writes are serialised
/// in submission order and there is exactly one writer (§4.1). A second, read-only connection lives on its own
/// queue `onboard.sqlite.reader`; thanks to WAL, ``read(_:)`` jobs run there concurrently with a write and see the
/// last committed state, never a write in progress. Reads are serialised among themselves. Async callers suspend
/// on a continuation while their job runs.
///
/// A private database (`":memory:"` or `""`) cannot be shared between connections, so there ``read(_:)`` runs on the
/// writer queue instead.
///
/// ```swift
/// let database = try await SQLiteDatabase(path: stateDirectory + "/onboard.db")
/// try await SQLiteMigrator(migrations).migrate(database)
/// let id = try await database.write { connection in
///     try connection.run("INSERT INTO jobs (key) VALUES (?)", [.text(key)])
///     return connection.lastInsertRowID
/// }
/// let count = try await database.read { try $0.queryFirst("SELECT count(*) FROM jobs")!.get(0, as: Int.self) }
/// await database.close()
/// ```
///
/// - Important: Closures passed to ``write(_:)`` and ``read(_:)`` run on a dispatch queue, not in the caller's
///   isolation domain: they are `@Sendable`, must not use the connection after returning, and should be short,
///   because they hold up every other job on their queue.
public final class SQLiteDatabase: Sendable {
    /// The database file path.
    public let path: String
    private let writer: SQLiteConnectionQueue
    private let reader: SQLiteConnectionQueue?

    /// Opens (creating if needed) the database at `path`: the writer connection first, then the reader.
    ///
    /// Both connections are opened on their own queues. See ``SQLiteConnection/Mode/readWriteCreate`` for the file
    /// mode and pragmas. Run an ``SQLiteMigrator`` next.
    ///
    /// - Parameter path: The database file; `":memory:"` for a private in-memory database (tests).
    /// - Throws: ``SQLiteError`` if either connection cannot be opened or configured.
    public init(path: String) async throws {
        let writer = try await SQLiteConnectionQueue.open(label: "onboard.sqlite.writer") {
            try SQLiteConnection(path: path, mode: .readWriteCreate)
        }
        var reader: SQLiteConnectionQueue?
        if !SQLiteConnection.isPrivateDatabase(path) {
            do {
                reader = try await SQLiteConnectionQueue.open(label: "onboard.sqlite.reader") {
                    try SQLiteConnection(path: path, mode: .readOnly)
                }
            } catch {
                await writer.close()
                throw error
            }
        }
        self.path = path
        self.writer = writer
        self.reader = reader
    }

    /// Runs `body` in a write transaction on the writer queue and returns its result.
    ///
    /// The transaction is ``SQLiteConnection/transaction(_:)``: `BEGIN IMMEDIATE`, `COMMIT` when `body` returns, or
    /// `ROLLBACK` when it throws. When `write` returns, the transaction is durable (`synchronous=FULL`). Calls
    /// from many tasks run one at a time, in the order they reach the queue.
    ///
    /// The job runs to its end even if the calling task is cancelled, so a state change the caller asked for is
    /// either wholly committed or wholly absent.
    ///
    /// - Parameter body: The work, given the writer connection; nested ``SQLiteConnection/transaction(_:)`` calls
    ///   become savepoints.
    /// - Returns: What `body` returns.
    /// - Throws: ``SQLiteError/closed`` after ``close()``, what `body` throws, or SQLite's error.
    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await writer.run { connection in try connection.transaction(body) }
    }

    /// Runs `body` on the writer queue without opening a transaction.
    ///
    /// For statements that must not run in a transaction (`VACUUM`, `VACUUM INTO` for a backup, some pragmas) and for
    /// code that manages its own transactions, such as ``SQLiteMigrator``. Each statement outside a transaction
    /// commits by itself.
    ///
    /// - Throws: ``SQLiteError/closed`` after ``close()``, what `body` throws, or SQLite's error.
    public func writeWithoutTransaction<T: Sendable>(
        _ body: @escaping @Sendable (SQLiteConnection) throws -> T
    ) async throws -> T {
        try await writer.run(body)
    }

    /// Runs `body` in a read transaction on the reader queue and returns its result.
    ///
    /// All queries in `body` see one consistent snapshot: the state after the last transaction committed before
    /// `body` started reading. A write in progress neither blocks the read nor shows through. The reader
    /// connection is read-only, so writes in `body` fail with ``SQLiteError/readOnly``.
    ///
    /// - Throws: ``SQLiteError/closed`` after ``close()``, what `body` throws, or SQLite's error.
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await (reader ?? writer).run { connection in try connection.readTransaction(body) }
    }

    /// Runs `SELECT 1` on the writer queue: the liveness probe behind the systemd watchdog.
    ///
    /// It has no timeout of its own: it returns once every write submitted before it has finished, so a hung writer
    /// makes it hang too, which is what a watchdog should notice.
    ///
    /// - Throws: ``SQLiteError/closed`` after ``close()``, or SQLite's error.
    public func check() async throws {
        let value = try await writer.run { connection in
            try connection.queryFirst("SELECT 1")?.get(0, as: Int64.self)
        }
        guard value == 1 else {
            throw SQLiteError.failed.with(message: "the liveness probe SELECT 1 returned an unexpected result")
        }
    }

    /// Closes both connections once the jobs already submitted have run. Idempotent.
    ///
    /// The reader closes first, so that closing the writer, the last connection, checkpoints the WAL into the
    /// database file and removes the `-wal` and `-shm` files. Later calls throw ``SQLiteError/closed``.
    public func close() async {
        await reader?.close()
        await writer.close()
    }
}
