internal import CSQLite
import Foundation

/// `SQLITE_TRANSIENT`, which the importer does not bring over: SQLite copies bound text and blobs before the bind
/// call returns, so Swift's buffers need to live only for the duration of the call.
private var sqliteTransient: sqlite3_destructor_type {
    unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// One prepared SQL statement of a ``SQLiteConnection``.
///
/// Get one with ``SQLiteConnection/withStatement(_:_:)``, which takes it from the connection's statement cache and
/// resets it (and clears its bindings) when the closure returns. Most code needs only ``SQLiteConnection/run(_:_:)``
/// and ``SQLiteConnection/query(_:_:)``; a statement is for streaming a large result or binding by parameter name.
///
/// - Important: A statement belongs to its connection's thread confinement and must not escape the closure it was
///   handed to.
public final class SQLiteStatement {
    private var handle: OpaquePointer?
    /// The SQL text the statement was prepared from.
    public let sql: String
    /// Whether ``SQLiteConnection/withStatement(_:_:)`` has lent the statement out right now.
    var isInUse = false
    private var cachedColumnNames: [String]?

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        if let handle { sqlite3_finalize(handle) }
    }

    /// Releases SQLite's statement object. Idempotent; the statement is unusable afterwards.
    func finalize() {
        if let handle { sqlite3_finalize(handle) }
        handle = nil
    }

    private var liveHandle: OpaquePointer {
        guard let handle else { preconditionFailure("SQLiteStatement used after its connection closed it") }
        return handle
    }

    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`) the statement takes.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(liveHandle)) }

    /// The number of columns in each result row (zero for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(liveHandle)) }

    /// The result column names (the `AS` alias if there is one).
    public var columnNames: [String] {
        if let cachedColumnNames { return cachedColumnNames }
        let names = (0..<Int32(columnCount)).map { column in
            sqlite3_column_name(liveHandle, column).map { String(cString: $0) } ?? ""
        }
        cachedColumnNames = names
        return names
    }

    /// How many times the statement has been run to completion or reset since it was prepared
    /// (`SQLITE_STMTSTATUS_RUN`); lets tests see that the cache reuses statements.
    var runCount: Int { Int(sqlite3_stmt_status(liveHandle, SQLITE_STMTSTATUS_RUN, 0)) }

    // MARK: - Binding

    /// Binds `values` to the parameters in order, after clearing any earlier bindings.
    ///
    /// - Throws: ``SQLiteError/misuse`` if the count differs from ``parameterCount`` (a common bug that SQLite would
    ///   otherwise hide by binding `NULL`), or SQLite's error (e.g. `SQLITE_TOOBIG`).
    public func bind(_ values: [SQLiteValue]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError.misuse.with(
                message: "the statement takes \(parameterCount) argument\(parameterCount == 1 ? "" : "s"), "
                    + "\(values.count) given",
                sql: sql)
        }
        sqlite3_clear_bindings(liveHandle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds `value` to the parameter at `index` (one-based, as in SQLite).
    ///
    /// Text and blobs are copied by SQLite (`SQLITE_TRANSIENT`). Empty text binds as empty text and an empty blob as
    /// an empty blob, never as `NULL`.
    ///
    /// - Throws: ``SQLiteError/misuse`` for an index out of range (`SQLITE_RANGE`), or SQLite's error.
    public func bind(_ value: SQLiteValue, at index: Int) throws {
        let statement = liveHandle
        let position = Int32(index)
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(statement, position)
        case .integer(let integer):
            result = sqlite3_bind_int64(statement, position, integer)
        case .real(let real):
            result = sqlite3_bind_double(statement, position, real)
        case .text(var text):
            result = text.withUTF8 { bytes in
                // A NULL pointer would bind NULL; an empty string must stay an empty string.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(statement, position, "", 0, sqliteTransient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                    sqlite3_bind_text64(
                        statement, position, chars, sqlite3_uint64(bytes.count), sqliteTransient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let data):
            result = data.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_zeroblob(statement, position, 0)
                }
                return sqlite3_bind_blob64(statement, position, base, sqlite3_uint64(bytes.count), sqliteTransient)
            }
        }
        guard result == SQLITE_OK else {
            throw SQLiteError(resultCode: result, handle: sqlite3_db_handle(statement), sql: sql)
        }
    }

    /// Binds `value` to the parameter called `name`, written with its prefix as in the SQL (`":id"`, `"@id"`,
    /// `"$id"`).
    ///
    /// - Throws: ``SQLiteError/misuse`` if the statement has no such parameter.
    public func bind(_ value: SQLiteValue, named name: String) throws {
        let index = sqlite3_bind_parameter_index(liveHandle, name)
        guard index > 0 else {
            throw SQLiteError.misuse.with(message: "the statement has no parameter named \(name)", sql: sql)
        }
        try bind(value, at: Int(index))
    }

    // MARK: - Stepping and reading

    /// Runs the statement to its next row.
    ///
    /// - Returns: `true` if a row is available (read it with ``row`` or ``value(at:)``), `false` when the statement
    ///   has finished.
    /// - Throws: SQLite's error, carrying the result code, message and the first line of ``sql``.
    public func step() throws -> Bool {
        let statement = liveHandle
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let result: throw SQLiteError(resultCode: result, handle: sqlite3_db_handle(statement), sql: sql)
        }
    }

    /// The value at column `column` (zero-based) of the current row.
    ///
    /// - Precondition: ``step()`` returned `true` and `column` is in `0..<columnCount`.
    public func value(at column: Int) -> SQLiteValue {
        let statement = liveHandle
        let index = Int32(column)
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob has a NULL pointer, but is still a blob.
            guard let bytes = sqlite3_column_blob(statement, index) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: Int(sqlite3_column_bytes(statement, index))))
        default:
            return .null
        }
    }

    /// The current row, copied out of SQLite.
    ///
    /// - Precondition: ``step()`` returned `true`.
    public var row: SQLiteRow {
        SQLiteRow(columnNames: columnNames, values: (0..<columnCount).map(value(at:)))
    }

    /// Resets the statement to run again and clears its bindings. ``SQLiteConnection/withStatement(_:_:)`` does this
    /// when its closure returns.
    public func reset() {
        guard let handle else { return }
        // sqlite3_reset repeats the last step's error, which step() has already thrown.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Steps through all rows and returns them.
    func allRows() throws -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        while try step() { rows.append(row) }
        return rows
    }
}
