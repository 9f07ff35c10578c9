internal import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to an SQLite database: open, configure, run SQL, read rows.
///
/// This is a thin wrapper, not an ORM: SQL goes in as text with `?` parameters bound from ``SQLiteValue``s, and
/// rows come out as ``SQLiteRow`` values.
///
/// ```swift
/// let connection = try SQLiteConnection(path: "/var/lib/onboard/onboard.db")
/// try connection.transaction { connection in
///     try connection.run("INSERT INTO jobs (key, payload) VALUES (?, ?)", [.text(key), .blob(payload)])
/// }
/// let rows = try connection.query("SELECT id, key FROM jobs WHERE state = ?", ["queued"])
/// ```
///
/// Opening in ``Mode/readWriteCreate`` applies onboard's durability settings (engineering notes §4.1):
/// `journal_mode=WAL`, `synchronous=FULL`, `foreign_keys=ON` and `busy_timeout=5000`. A new database file is
/// created with mode `0600` before SQLite opens it, and SQLite creates the `-wal` and `-shm` files with the mode of
/// the database file, so the process umask is never touched. An existing file keeps its mode.
///
/// Short statements run through ``run(_:_:)``, ``query(_:_:)`` and ``queryFirst(_:_:)`` are prepared once and kept
/// in a small per-connection cache keyed by SQL text; ``execute(_:)`` runs scripts and bypasses the cache.
///
/// - Important: A connection is not `Sendable` and is opened with `SQLITE_OPEN_NOMUTEX`: use it from one thread at a
///   time, which in practice means from the one serial queue that owns it. ``SQLiteDatabase`` does that for you.
///   SQLite calls block, so never use a connection directly from Swift's cooperative thread pool.
public final class SQLiteConnection {
    /// The busy timeout set on every connection: how long a call waits for another connection's lock before failing
    /// with ``SQLiteError/busy``.
    public static let busyTimeoutMilliseconds = 5000

    /// The database file path, or `":memory:"` / `""` for a private in-memory or temporary database.
    public let path: String
    /// How the connection was opened.
    public let mode: Mode
    private var handle: OpaquePointer?
    private let statements: SQLiteStatementCache
    /// How many savepoints ``transaction(_:)`` has open inside the outer transaction.
    var savepointDepth = 0

    /// Opens (and, in ``Mode/readWriteCreate``, creates) the database at `path` and configures it.
    ///
    /// - Parameters:
    ///   - path: The database file. `":memory:"` opens a private in-memory database, `""` a private temporary
    ///     one; neither can be shared with a second connection, and neither uses WAL.
    ///   - mode: ``Mode/readWriteCreate`` (the default) or ``Mode/readOnly``.
    ///   - statementCacheCapacity: How many prepared statements to keep; defaults to 64. Zero disables the cache.
    /// - Throws: ``SQLiteError/cantOpen`` if the file cannot be created or opened, ``SQLiteError/corrupt`` if it is
    ///   not a database, ``SQLiteError/failed`` if the database cannot be switched to WAL.
    public init(path: String, mode: Mode = .readWriteCreate, statementCacheCapacity: Int = 64) throws {
        self.path = path
        self.mode = mode
        self.statements = SQLiteStatementCache(capacity: statementCacheCapacity)

        let isPrivate = Self.isPrivateDatabase(path)
        if mode == .readWriteCreate, !isPrivate {
            try createPrivateFileIfMissing(at: path)
        }

        var flags = SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var opened: OpaquePointer?
        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            let error = SQLiteError(resultCode: result, handle: opened, sql: nil).with(context: "opening \(path)")
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        sqlite3_busy_timeout(opened, Int32(Self.busyTimeoutMilliseconds))

        do {
            // Prepared outside the statement cache: these run once.
            if mode == .readWriteCreate {
                let journalMode = try withUncachedStatement("PRAGMA journal_mode=WAL") { statement in
                    try statement.step() ? String(sqliteValue: statement.value(at: 0)) : nil
                }
                if !isPrivate, journalMode?.lowercased() != "wal" {
                    throw SQLiteError.failed.with(
                        message: "could not switch \(path) to WAL (journal_mode is \(journalMode ?? "unknown")); "
                            + "the file system must support shared memory and file locks")
                }
                try execute("PRAGMA synchronous=FULL")
            }
            try execute("PRAGMA foreign_keys=ON")
        } catch let error as SQLiteError {
            close()
            throw error.context == nil ? error.with(context: "configuring \(path)") : error
        }
    }

    deinit {
        close()
    }

    /// Whether `path` names a private in-memory or temporary database that no second connection can share.
    static func isPrivateDatabase(_ path: String) -> Bool {
        path.isEmpty || path == ":memory:"
    }

    /// Whether the connection is open.
    public var isOpen: Bool { handle != nil }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    /// The rowid of the most recent successful `INSERT` on this connection, or zero if there was none.
    public var lastInsertRowID: Int64 {
        guard let handle else { return 0 }
        return sqlite3_last_insert_rowid(handle)
    }

    /// The number of rows the most recent `INSERT`, `UPDATE` or `DELETE` on this connection changed.
    public var changes: Int {
        guard let handle else { return 0 }
        return Int(sqlite3_changes64(handle))
    }

    /// Closes the connection. Idempotent.
    ///
    /// Finalizes the cached statements and calls `sqlite3_close_v2`. An open transaction is rolled back, as after a
    /// crash: only committed transactions are in the database. Later calls throw ``SQLiteError/closed``.
    ///
    /// - Important: Do not close a connection from inside ``withStatement(_:_:)`` or ``transaction(_:)``.
    public func close() {
        guard let handle else { return }
        statements.removeAll()
        sqlite3_close_v2(handle)
        self.handle = nil
        savepointDepth = 0
    }

    private func openHandle() throws -> OpaquePointer {
        guard let handle else { throw SQLiteError.closed }
        return handle
    }

    // MARK: - Running SQL

    /// Runs a script of zero or more `;`-separated statements, discarding any rows they return.
    ///
    /// Each statement is prepared, run and finalized in turn, without the statement cache; the script stops at the
    /// first failing statement, whose first line the error names. Use it for schema scripts and pragmas, not for
    /// statements that take arguments (parameters in a script are bound to `NULL`).
    ///
    /// - Throws: ``SQLiteError`` from the failing statement.
    public func execute(_ sql: String) throws {
        let handle = try openHandle()
        try sql.withCString { script in
            var next: UnsafePointer<CChar>? = script
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                let result = sqlite3_prepare_v2(handle, current, -1, &statement, &next)
                guard result == SQLITE_OK else {
                    throw SQLiteError(resultCode: result, handle: handle, sql: String(cString: current))
                }
                guard let statement else { continue }  // only whitespace or comments were left
                defer { sqlite3_finalize(statement) }
                var stepResult = sqlite3_step(statement)
                while stepResult == SQLITE_ROW { stepResult = sqlite3_step(statement) }
                guard stepResult == SQLITE_DONE else {
                    let text = String(cString: sqlite3_sql(statement))
                    throw SQLiteError(resultCode: stepResult, handle: handle, sql: text)
                }
            }
        }
    }

    /// Runs one statement with `arguments` bound to its parameters in order, discarding any rows.
    ///
    /// Read ``changes`` and ``lastInsertRowID`` afterwards for the effect.
    ///
    /// - Parameters:
    ///   - sql: Exactly one statement; the statement cache keeps it prepared for the next call with the same text.
    ///   - arguments: One value per parameter; defaults to none.
    /// - Throws: ``SQLiteError/misuse`` if `sql` holds no or several statements or the argument count is wrong;
    ///   otherwise SQLite's error (e.g. ``SQLiteError/constraint``), which never contains the arguments.
    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            while try statement.step() {}
        }
    }

    /// Runs one query with `arguments` bound to its parameters in order, and returns all its rows.
    ///
    /// - Parameters:
    ///   - sql: Exactly one statement, kept prepared in the statement cache.
    ///   - arguments: One value per parameter; defaults to none.
    /// - Throws: as ``run(_:_:)``.
    public func query(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            return try statement.allRows()
        }
    }

    /// Runs one query with `arguments` bound to its parameters in order, and returns its first row, or `nil` if it
    /// returned none. Later rows are not computed.
    ///
    /// - Throws: as ``run(_:_:)``.
    public func queryFirst(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> SQLiteRow? {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            return try statement.step() ? statement.row : nil
        }
    }

    /// Lends `body` the prepared statement for `sql`, from the statement cache, and resets it afterwards.
    ///
    /// Use it to stream a large result row by row, or to bind parameters by name. If the statement for the same SQL
    /// is already lent out (a re-entrant call), `body` gets a fresh statement that is finalized afterwards.
    ///
    /// - Parameters:
    ///   - sql: Exactly one statement.
    ///   - body: Binds, steps and reads the statement, which must not escape it.
    /// - Returns: What `body` returns.
    /// - Throws: ``SQLiteError/misuse`` if `sql` holds no or several statements, SQLite's error if it does not
    ///   compile, and whatever `body` throws.
    public func withStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
        let (statement, isCached) = try statements.acquire(sql, prepare: prepare)
        defer {
            statement.reset()
            statement.isInUse = false
            if !isCached { statement.finalize() }
        }
        return try body(statement)
    }

    /// Like ``withStatement(_:_:)``, but prepares a new statement and finalizes it afterwards.
    private func withUncachedStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
        let statement = try prepare(sql)
        defer { statement.finalize() }
        return try body(statement)
    }

    /// Prepares exactly one statement.
    private func prepare(_ sql: String) throws -> SQLiteStatement {
        let handle = try openHandle()
        return try sql.withCString { text in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let flags = UInt32(SQLITE_PREPARE_PERSISTENT)
            let result = sqlite3_prepare_v3(handle, text, -1, flags, &statement, &tail)
            guard result == SQLITE_OK else { throw SQLiteError(resultCode: result, handle: handle, sql: sql) }
            guard let statement else {
                throw SQLiteError.misuse.with(message: "the SQL contains no statement", sql: sql)
            }
            if let tail, tail.pointee != 0 {
                var extra: OpaquePointer?
                let extraResult = sqlite3_prepare_v2(handle, tail, -1, &extra, nil)
                sqlite3_finalize(extra)
                guard extraResult == SQLITE_OK, extra == nil else {
                    sqlite3_finalize(statement)
                    throw SQLiteError.misuse.with(
                        message: "the SQL contains more than one statement; use execute(_:) for scripts", sql: sql)
                }
            }
            return SQLiteStatement(handle: statement, sql: sql)
        }
    }

    // MARK: - Introspection for tests

    /// The number of statements currently prepared on this connection (cached or not).
    var preparedStatementCount: Int {
        guard let handle else { return 0 }
        var count = 0
        var statement = sqlite3_next_stmt(handle, nil)
        while let current = statement {
            count += 1
            statement = sqlite3_next_stmt(handle, current)
        }
        return count
    }

    /// The number of statements in the statement cache.
    var cachedStatementCount: Int { statements.count }
}

/// Creates `path` with mode 0600 (less any umask bits) unless it exists, so that SQLite, which copies the database
/// file's mode to `-wal` and `-shm`, never creates a world-readable file.
private func createPrivateFileIfMissing(at path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor >= 0 {
        close(descriptor)
        return
    }
    let code = errno
    if code == EEXIST { return }
    throw SQLiteError.cantOpen.with(message: "cannot create \(path): \(String(cString: strerror(code)))")
}
