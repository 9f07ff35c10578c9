/// Brings a database's schema up to date with an ordered list of ``SQLiteMigration``s.
///
/// The schema version is SQLite's `PRAGMA user_version` (0 for a new database). ``migrate(_:)-(SQLiteConnection)``
/// applies each migration whose version is above the database's, in order, each in its own `BEGIN IMMEDIATE`
/// transaction that also sets `user_version` to the migration's version: a failing migration leaves the database
/// at the previous version, with the earlier migrations kept. Running it again, or on every start, applies nothing
/// new: it is idempotent.
///
/// A database whose version is newer than the newest migration known here was written by a newer onboard; the
/// migrator refuses it with ``SQLiteError/schemaTooNew`` rather than run against a schema it does not know.
///
/// ```swift
/// let migrator = SQLiteMigrator([
///     SQLiteMigration(version: 1, name: "create_jobs", sql: "CREATE TABLE jobs (…);"),
///     SQLiteMigration(version: 2, name: "add_job_events", sql: "CREATE TABLE job_events (…);"),
/// ])
/// let outcome = try await migrator.migrate(database)
/// logger.info("database schema \(outcome.previousVersion) → \(outcome.currentVersion)")
/// ```
public struct SQLiteMigrator: Sendable {
    /// What a migration run did.
    public struct Outcome: Sendable, Hashable {
        /// The database's schema version before the run.
        public let previousVersion: Int
        /// The database's schema version after the run.
        public let currentVersion: Int
        /// The migrations applied, as `version "name"`, in order; empty if the database was up to date.
        public let applied: [String]
    }

    /// The migrations, in the order given.
    public let migrations: [SQLiteMigration]

    /// A migrator for `migrations`, which must have versions of at least 1, strictly increasing (gaps are allowed).
    /// The list is checked when ``migrate(_:)-(SQLiteConnection)`` runs.
    public init(_ migrations: [SQLiteMigration]) {
        self.migrations = migrations
    }

    /// The newest schema version this migrator knows: the last migration's version, or 0 if there is none.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies the pending migrations on `connection`, a ``SQLiteConnection/Mode/readWriteCreate`` connection.
    ///
    /// - Returns: The versions before and after, and the migrations applied.
    /// - Throws: ``SQLiteError/misuse`` for an invalid migration list; ``SQLiteError/schemaTooNew`` if the database
    ///   is newer than ``latestVersion``; a failing migration's ``SQLiteError`` with the migration named in its
    ///   ``SQLiteError/context``, or whatever a closure migration throws.
    @discardableResult
    public func migrate(_ connection: SQLiteConnection) throws -> Outcome {
        try validate()
        let previousVersion = try Self.userVersion(connection)
        guard previousVersion <= latestVersion else {
            throw SQLiteError.schemaTooNew.with(
                message: "the database \(connection.path) has schema version \(previousVersion), newer than version "
                    + "\(latestVersion), the newest this onboard \(OnboardVersion.current) knows. It was written by "
                    + "a newer onboard: upgrade onboard (downgrading is not supported; restoring a backup taken "
                    + "before the upgrade also works)")
        }
        var applied: [String] = []
        for migration in migrations where migration.version > previousVersion {
            do {
                let didApply = try connection.transaction { connection in
                    // Re-read inside the write lock, in case another connection migrated meanwhile.
                    guard try Self.userVersion(connection) < migration.version else { return false }
                    try migration.apply(to: connection)
                    try connection.run("PRAGMA user_version = \(migration.version)")
                    return true
                }
                if didApply { applied.append(migration.label) }
            } catch let error as SQLiteError {
                throw error.with(context: "migration \(migration.label)")
            }
        }
        return Outcome(
            previousVersion: previousVersion, currentVersion: try Self.userVersion(connection), applied: applied)
    }

    /// Applies the pending migrations on `database`'s writer queue; see ``migrate(_:)-(SQLiteConnection)``.
    @discardableResult
    public func migrate(_ database: SQLiteDatabase) async throws -> Outcome {
        try await database.writeWithoutTransaction { connection in try self.migrate(connection) }
    }

    private func validate() throws {
        var previous: SQLiteMigration?
        for migration in migrations {
            guard migration.version >= 1 else {
                throw SQLiteError.misuse.with(message: "migration \(migration.label): versions start at 1")
            }
            if let previous, migration.version <= previous.version {
                throw SQLiteError.misuse.with(
                    message: "migration \(migration.label) follows \(previous.label): versions must strictly increase")
            }
            previous = migration
        }
    }

    private static func userVersion(_ connection: SQLiteConnection) throws -> Int {
        try connection.queryFirst("PRAGMA user_version")?.get(0, as: Int.self) ?? 0
    }
}
