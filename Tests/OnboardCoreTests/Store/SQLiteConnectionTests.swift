import Foundation
import Testing

@testable import OnboardCore

@Suite("SQLite connection: files, modes and pragmas")
struct SQLiteConnectionTests {
    @Test("a new database and its -wal and -shm files get mode 0600")
    func newFilesArePrivate() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let path = directory.path()

        let connection = try SQLiteConnection(path: path)
        #expect(sqliteTestFileMode(path) == 0o600)
        // SQLite creates -wal and -shm at the first transaction.
        try connection.execute("CREATE TABLE t (x)")
        #expect(sqliteTestFileMode(path + "-wal") == 0o600)
        #expect(sqliteTestFileMode(path + "-shm") == 0o600)
        connection.close()
        // Closing the last connection checkpoints and removes the WAL files.
        #expect(sqliteTestFileMode(path + "-wal") == nil)
        #expect(sqliteTestFileMode(path) == 0o600)
    }

    @Test("an existing database file keeps its mode")
    func existingFileKeepsMode() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let path = directory.path()
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640]))

        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE t (x)")
        #expect(sqliteTestFileMode(path) == 0o640)
        #expect(sqliteTestFileMode(path + "-wal") == 0o640)
    }

    @Test("the writer has WAL, synchronous=FULL, foreign keys and a 5 s busy timeout")
    func writerPragmas() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.path())

        #expect(try connection.scalar("PRAGMA journal_mode", as: String.self) == "wal")
        #expect(try connection.scalar("PRAGMA synchronous", as: Int.self) == 2)  // 2 = FULL
        #expect(try connection.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
        #expect(try connection.scalar("PRAGMA busy_timeout", as: Int.self) == 5000)
    }

    @Test("a read-only connection has foreign keys and the busy timeout, and refuses writes")
    func readerPragmas() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let writer = try SQLiteConnection(path: directory.path())
        try writer.execute("CREATE TABLE t (x)")
        let reader = try SQLiteConnection(path: directory.path(), mode: .readOnly)

        #expect(try reader.scalar("PRAGMA journal_mode", as: String.self) == "wal")
        #expect(try reader.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
        #expect(try reader.scalar("PRAGMA busy_timeout", as: Int.self) == 5000)
        let error = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (1)") }
        #expect(error == .readOnly)
        #expect(error?.resultCode == 8)  // SQLITE_READONLY
    }

    @Test("a read-only connection does not create a missing database")
    func readOnlyDoesNotCreate() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteConnection(path: directory.path(), mode: .readOnly)
        }
        #expect(error == .cantOpen)
        #expect(sqliteTestFileMode(directory.path()) == nil)
    }

    @Test("a missing directory fails with cantOpen naming the path")
    func missingDirectory() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let path = directory.path("missing/test.db")
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        #expect(error == .cantOpen)
        #expect(error?.description.contains(path) == true)
    }

    @Test("a file that is not a database fails with corrupt")
    func notADatabase() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let path = directory.path()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        #expect(error == .corrupt)
        #expect(error?.extendedResultCode == 26)  // SQLITE_NOTADB
        #expect(error?.description.contains("restore it from a backup") == true)
    }

    @Test("an in-memory database opens without WAL")
    func inMemory() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        #expect(try connection.scalar("PRAGMA journal_mode", as: String.self) == "memory")
        #expect(try connection.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
        try connection.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 1)
    }

    @Test("a closed connection throws closed, and close is idempotent")
    func closed() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        connection.close()
        connection.close()
        #expect(!connection.isOpen)
        #expect(throws: SQLiteError.closed) { try connection.run("SELECT 1") }
        #expect(throws: SQLiteError.closed) { try connection.execute("SELECT 1") }
        #expect(throws: SQLiteError.closed) { try connection.transaction { _ in } }
    }

    @Test("lastInsertRowID and changes report the last statement")
    func rowIDAndChanges() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x)")
        try connection.run("INSERT INTO t (x) VALUES (?)", ["a"])
        #expect(connection.lastInsertRowID == 1)
        try connection.run("INSERT INTO t (id, x) VALUES (?, ?)", [41, "b"])
        #expect(connection.lastInsertRowID == 41)
        #expect(connection.changes == 1)
        try connection.run("UPDATE t SET x = ?", ["c"])
        #expect(connection.changes == 2)
    }

    @Test("execute runs a script, and a failure names the failing statement")
    func script() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute(
            """
            -- a comment
            CREATE TABLE a (x);
            INSERT INTO a VALUES (1);
            SELECT * FROM a;  -- rows are discarded
            """)
        #expect(try connection.scalar("SELECT count(*) FROM a", as: Int.self) == 1)

        let error = #expect(throws: SQLiteError.self) {
            try connection.execute(
                "INSERT INTO a VALUES (2);\nINSERT INTO missing VALUES (3);\nINSERT INTO a VALUES (4);")
        }
        #expect(error?.sql == "INSERT INTO missing VALUES (3);")
        #expect(error?.message == "no such table: missing")
        // The statements before the failure ran (no implicit transaction), the ones after did not.
        #expect(try connection.scalar("SELECT count(*) FROM a", as: Int.self) == 2)
    }

    @Test("run, query and withStatement take exactly one statement and the right number of arguments")
    func misuse() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x, y)")

        let twoStatements = #expect(throws: SQLiteError.self) { try connection.run("SELECT 1; SELECT 2") }
        #expect(twoStatements == .misuse)
        #expect(twoStatements?.message.contains("execute(_:)") == true)
        #expect(throws: SQLiteError.misuse) { try connection.run("  -- nothing here") }
        // A trailing semicolon, whitespace or comment is fine.
        try connection.run("SELECT 1;  -- done\n")

        let tooFew = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO t VALUES (?, ?)", [1]) }
        #expect(tooFew == .misuse)
        #expect(tooFew?.message == "the statement takes 2 arguments, 1 given")
        #expect(throws: SQLiteError.misuse) { try connection.query("SELECT * FROM t", [1]) }
        #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
    }

    @Test("parameters bind by name")
    func namedParameters() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let row = try connection.withStatement("SELECT :a || @b || $c") { statement in
            try statement.bind("x", named: ":a")
            try statement.bind("y", named: "@b")
            try statement.bind("z", named: "$c")
            #expect(try statement.step())
            return statement.row
        }
        #expect(row[0] == "xyz")
        let error = #expect(throws: SQLiteError.self) {
            try connection.withStatement("SELECT :a") { try $0.bind(1, named: ":nope") }
        }
        #expect(error == .misuse)
    }

    @Test("withStatement streams rows one at a time")
    func streaming() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let sum = try connection.withStatement(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i FROM n"
        ) { statement in
            var sum: Int64 = 0
            while try statement.step() { sum += try statement.row.get(0, as: Int64.self) }
            return sum
        }
        #expect(sum == 500_500)
    }
}
