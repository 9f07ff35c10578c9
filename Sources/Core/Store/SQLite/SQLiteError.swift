internal import CSQLite

/// Why a call into SQLite, or into onboard's thin wrapper around it, failed.
///
/// Follows the SSWG error pattern (`ServiceGroupError`, `HTTPClientError`): a struct wrapping a private code, with
/// one `static let` per code, so new codes can be added without breaking anyone's `switch`. Two errors are equal
/// when their codes are equal; the context is ignored, so `catch let error as SQLiteError where error == .constraint`
/// works.
///
/// An error raised by SQLite carries its ``resultCode`` (primary, e.g. `19` for `SQLITE_CONSTRAINT`), its
/// ``extendedResultCode`` (e.g. `2067` for `SQLITE_CONSTRAINT_UNIQUE`) and SQLite's ``message``. The ``sql`` is the
/// first line of the failing statement's text, truncated to 200 characters.
///
/// - Important: Bound values never reach an error: neither ``message`` nor ``description`` contains them, because
///   they may be secrets. Keep secrets out of SQL text too: bind them with `?` parameters instead of splicing them
///   into the statement, or the first line of the SQL could carry them.
public struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: String, Hashable, Sendable {
        case failed
        case constraint
        case busy
        case cantOpen
        case corrupt
        case readOnly
        case diskFull
        case misuse
        case typeMismatch
        case columnNotFound
        case schemaTooNew
        case closed
    }

    private var code: Code

    /// SQLite's primary result code (`extendedResultCode & 0xff`), or `nil` if the wrapper raised the error itself.
    public internal(set) var resultCode: Int32?
    /// SQLite's extended result code, e.g. `2067` (`SQLITE_CONSTRAINT_UNIQUE`), or `nil` if the wrapper raised the
    /// error itself.
    public internal(set) var extendedResultCode: Int32?
    /// What went wrong: SQLite's `sqlite3_errmsg` text, or the wrapper's own explanation. Never a bound value.
    public internal(set) var message: String
    /// The first line of the SQL that failed (at most 200 characters), if a statement was involved.
    public internal(set) var sql: String?
    /// What the caller was doing, e.g. `migration 3 "add_job_events"`, if known.
    public internal(set) var context: String?

    private init(code: Code, message: String = "") {
        self.code = code
        self.resultCode = nil
        self.extendedResultCode = nil
        self.message = message
        self.sql = nil
        self.context = nil
    }

    /// SQLite failed for a reason without a more specific code here; see ``resultCode`` and ``message``.
    public static let failed = SQLiteError(code: .failed)
    /// A `UNIQUE`, `NOT NULL`, `CHECK`, `FOREIGN KEY` or `PRIMARY KEY` constraint failed (`SQLITE_CONSTRAINT`).
    public static let constraint = SQLiteError(code: .constraint)
    /// The database stayed locked by another connection for longer than the busy timeout (`SQLITE_BUSY`,
    /// `SQLITE_LOCKED`).
    public static let busy = SQLiteError(code: .busy)
    /// The database file could not be opened or created (`SQLITE_CANTOPEN`).
    public static let cantOpen = SQLiteError(code: .cantOpen)
    /// The file is not a database or is damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
    public static let corrupt = SQLiteError(code: .corrupt)
    /// A write was attempted through a read-only connection or on a read-only file (`SQLITE_READONLY`).
    public static let readOnly = SQLiteError(code: .readOnly)
    /// The disk or file system is full (`SQLITE_FULL`).
    public static let diskFull = SQLiteError(code: .diskFull)
    /// The wrapper or SQLite was used wrongly: several statements where one was expected, a wrong number of
    /// arguments, an unknown parameter name, an invalid migration list (`SQLITE_MISUSE`, `SQLITE_RANGE`).
    public static let misuse = SQLiteError(code: .misuse)
    /// A column's value has a storage class that cannot be read as the requested Swift type.
    public static let typeMismatch = SQLiteError(code: .typeMismatch)
    /// A row has no column with the requested name or index.
    public static let columnNotFound = SQLiteError(code: .columnNotFound)
    /// The database's schema version (`PRAGMA user_version`) is newer than the newest migration this build knows.
    public static let schemaTooNew = SQLiteError(code: .schemaTooNew)
    /// The connection or database was closed before the call.
    public static let closed = SQLiteError(code: .closed, message: "the SQLite connection is closed")

    public static func == (lhs: SQLiteError, rhs: SQLiteError) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        var text = context.map { "\($0): " } ?? ""
        if let extendedResultCode, let resultCode {
            text += "SQLite error \(resultCode)"
            if extendedResultCode != resultCode { text += "/\(extendedResultCode)" }
            text += " (\(String(cString: sqlite3_errstr(resultCode)))): \(message)"
        } else {
            text += message
        }
        if let sql { text += " [SQL: \(sql)]" }
        if let hint { text += ". \(hint)" }
        return text
    }

    private var hint: String? {
        switch code {
        case .busy:
            return "Another connection, perhaps another process, held the database lock for longer than the busy "
                + "timeout; check for a second onboardd or a tool holding the database open"
        case .cantOpen:
            return "Check that the directory exists and that the onboard user may read and write it"
        case .corrupt:
            return "The database file is damaged or not a database: stop onboardd and restore it from a backup"
        case .diskFull:
            return "Free disk space on the file system that holds the database"
        default:
            return nil
        }
    }

    // MARK: - Building errors

    /// An error for SQLite result code `extendedCode` (primary or extended), with SQLite's message.
    init(sqliteCode extendedCode: Int32, message: String, sql: String?) {
        let primary = extendedCode & 0xff
        let code: Code
        switch primary {
        case SQLITE_CONSTRAINT: code = .constraint
        case SQLITE_BUSY, SQLITE_LOCKED: code = .busy
        case SQLITE_CANTOPEN: code = .cantOpen
        case SQLITE_CORRUPT, SQLITE_NOTADB: code = .corrupt
        case SQLITE_READONLY: code = .readOnly
        case SQLITE_FULL: code = .diskFull
        case SQLITE_MISUSE, SQLITE_RANGE: code = .misuse
        default: code = .failed
        }
        self.init(code: code)
        self.resultCode = primary
        self.extendedResultCode = extendedCode
        self.message = message
        self.sql = sql.map(Self.firstLine)
    }

    /// The error SQLite reports for `handle` after a call returned `resultCode`.
    ///
    /// Reads `sqlite3_extended_errcode` and `sqlite3_errmsg`, so call it right after the failing call.
    init(resultCode: Int32, handle: OpaquePointer?, sql: String?) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? resultCode
        // The connection's error state may already belong to a later call (e.g. after a reset); trust `resultCode`
        // if they disagree on the primary code.
        let useExtended = (extended & 0xff) == (resultCode & 0xff)
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(resultCode))
        self.init(sqliteCode: useExtended ? extended : resultCode, message: message, sql: sql)
    }

    /// A copy of `error` with `message`, e.g. `SQLiteError.misuse.with(message: "…")`.
    func with(message: String, sql: String? = nil) -> SQLiteError {
        var copy = self
        copy.message = message
        if let sql { copy.sql = Self.firstLine(sql) }
        return copy
    }

    /// A copy of this error saying what the caller was doing.
    func with(context: String) -> SQLiteError {
        var copy = self
        copy.context = context
        return copy
    }

    /// The first non-blank line of `sql`, trimmed and cut to 200 characters.
    static func firstLine(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isNewline)
            .lazy
            .map { $0.trimmingWhitespace() }
            .first { !$0.isEmpty } ?? ""
        return line.count > 200 ? String(line.prefix(200)) + "…" : String(line)
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var trimmed = drop { $0.isWhitespace }
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
