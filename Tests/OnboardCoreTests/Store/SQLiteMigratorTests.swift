import Testing

@testable import OnboardCore

@Suite("SQLite migrator")
struct SQLiteMigratorTests {
    private static let v1 = SQLiteMigration(
        version: 1, name: "create_log",
        sql: """
            CREATE TABLE log (step INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
            INSERT INTO log (name) VALUES ('create_log');
            """)
    private static let v2 = SQLiteMigration(
        version: 2, name: "create_jobs",
        sql: """
            CREATE TABLE jobs (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
            INSERT INTO log (name) VALUES ('create_jobs');
            """)
    private static let v5 = SQLiteMigration(version: 5, name: "add_state") { connection in
        try connection.execute("ALTER TABLE jobs ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'")
        try connection.run("INSERT INTO log (name) VALUES (?)", ["add_state"])
    }

    private func log(_ connection: SQLiteConnection) throws -> [String] {
        try connection.query("SELECT name FROM log ORDER BY step").map { try $0.get(0) }
    }

    @Test("migrations apply in order, each with its version, and the outcome says so")
    func appliesInOrder() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let outcome = try SQLiteMigrator([Self.v1, Self.v2, Self.v5]).migrate(connection)
        #expect(outcome.previousVersion == 0)
        #expect(outcome.currentVersion == 5)
        #expect(outcome.applied == [#"1 "create_log""#, #"2 "create_jobs""#, #"5 "add_state""#])
        #expect(try log(connection) == ["create_log", "create_jobs", "add_state"])
        #expect(try connection.scalar("PRAGMA user_version", as: Int.self) == 5)
        try connection.run("INSERT INTO jobs (key) VALUES ('k')")
        #expect(try connection.scalar("SELECT state FROM jobs", as: String.self) == "queued")
    }

    @Test("migrating again, also after reopening, applies nothing; a new migration applies alone")
    func idempotent() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let migrator = SQLiteMigrator([Self.v1, Self.v2])

        let database = try await SQLiteDatabase(path: directory.path())
        #expect(try await migrator.migrate(database).applied.count == 2)
        let again = try await migrator.migrate(database)
        #expect(again == .init(previousVersion: 2, currentVersion: 2, applied: []))
        await database.close()

        let reopened = try await SQLiteDatabase(path: directory.path())
        #expect(try await migrator.migrate(reopened).applied.isEmpty)
        let upgraded = try await SQLiteMigrator([Self.v1, Self.v2, Self.v5]).migrate(reopened)
        #expect(upgraded == .init(previousVersion: 2, currentVersion: 5, applied: [#"5 "add_state""#]))
        #expect(try await reopened.read { try self.log($0) } == ["create_log", "create_jobs", "add_state"])
        await reopened.close()
    }

    @Test("a database newer than the code is refused, naming both versions and the fix")
    func newerRefused() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try SQLiteMigrator([Self.v1]).migrate(connection)
        try connection.execute("PRAGMA user_version = 9")

        let error = #expect(throws: SQLiteError.self) { try SQLiteMigrator([Self.v1, Self.v2]).migrate(connection) }
        #expect(error == .schemaTooNew)
        let description = error?.description ?? ""
        #expect(description.contains("schema version 9"))
        #expect(description.contains("version 2, the newest this onboard"))
        #expect(description.contains("upgrade onboard"))
        #expect(try connection.scalar("PRAGMA user_version", as: Int.self) == 9)
        #expect(try log(connection) == ["create_log"])
    }

    @Test("a failing migration rolls back entirely and keeps the earlier ones")
    func failureRollsBack() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let broken = SQLiteMigration(
            version: 3, name: "broken",
            sql: """
                CREATE TABLE half (x);
                INSERT INTO log (name) VALUES ('broken');
                INSERT INTO no_such_table VALUES (1);
                """)
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteMigrator([Self.v1, Self.v2, broken]).migrate(connection)
        }
        #expect(error?.context == #"migration 3 "broken""#)
        #expect(error?.sql == "INSERT INTO no_such_table VALUES (1);")
        #expect(error?.description.hasPrefix(#"migration 3 "broken": SQLite error 1"#) == true)
        #expect(try connection.scalar("PRAGMA user_version", as: Int.self) == 2)
        #expect(try log(connection) == ["create_log", "create_jobs"])
        #expect(try connection.query("SELECT name FROM sqlite_schema WHERE name = 'half'").isEmpty)
        #expect(!connection.isInTransaction)
    }

    @Test("an invalid migration list is refused before anything runs", arguments: [
        [SQLiteMigration(version: 0, name: "zero", sql: "CREATE TABLE a (x)")],
        [v1, SQLiteMigration(version: 1, name: "again", sql: "CREATE TABLE a (x)")],
        [v2, v1],
    ])
    func invalidList(migrations: [SQLiteMigration]) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        #expect(throws: SQLiteError.misuse) { try SQLiteMigrator(migrations).migrate(connection) }
        #expect(try connection.scalar("PRAGMA user_version", as: Int.self) == 0)
        #expect(try connection.query("SELECT name FROM sqlite_schema").isEmpty)
    }

    @Test("no migrations on a new database is version 0")
    func empty() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let migrator = SQLiteMigrator([])
        #expect(migrator.latestVersion == 0)
        #expect(try migrator.migrate(connection) == .init(previousVersion: 0, currentVersion: 0, applied: []))
    }
}
