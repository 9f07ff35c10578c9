/// One numbered step of the database schema, applied once by ``SQLiteMigrator``.
///
/// A migration is SQL (a script of one or more statements) or a closure that gets the writer connection. Never edit
/// or renumber a migration that has shipped: databases in the field have already applied it. Add a new one instead.
///
/// ```swift
/// SQLiteMigration(version: 1, name: "create_jobs", sql: """
///     CREATE TABLE jobs (id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, state TEXT NOT NULL);
///     """)
/// ```
///
/// - Note: A migration runs inside a transaction with `foreign_keys=ON`, which cannot be switched off there. For
///   SQLite's table-rebuild procedure (create new table, copy, drop, rename), order the steps so that no foreign key
///   is violated at commit.
public struct SQLiteMigration: Sendable {
    private enum Body: Sendable {
        case sql(String)
        case closure(@Sendable (SQLiteConnection) throws -> Void)
    }

    /// The schema version this migration brings the database to; stored in `PRAGMA user_version`. At least 1.
    public let version: Int
    /// A short name for logs and errors, e.g. `create_jobs`.
    public let name: String
    private let body: Body

    /// A migration that runs the script `sql` (see ``SQLiteConnection/execute(_:)``).
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.body = .sql(sql)
    }

    /// A migration that runs `apply` with the writer connection, inside the migration's transaction.
    public init(version: Int, name: String, _ apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        self.version = version
        self.name = name
        self.body = .closure(apply)
    }

    /// Applies the migration's changes (not the version bump) on `connection`.
    func apply(to connection: SQLiteConnection) throws {
        switch body {
        case .sql(let sql): try connection.execute(sql)
        case .closure(let apply): try apply(connection)
        }
    }

    /// How errors and the outcome name this migration: `3 "add_job_events"`.
    var label: String { "\(version) \"\(name)\"" }
}
