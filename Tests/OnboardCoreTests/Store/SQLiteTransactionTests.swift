import Testing

@testable import OnboardCore

@Suite("SQLite transactions")
struct SQLiteTransactionTests {
    private func open(_ directory: SQLiteTestDirectory) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: directory.path())
        try connection.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        return connection
    }

    @Test("a transaction commits, and another connection sees the result")
    func commits() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        let other = try SQLiteConnection(path: directory.path(), mode: .readOnly)

        let result = try connection.transaction { connection in
            try connection.run("INSERT INTO t VALUES (1)")
            try connection.run("INSERT INTO t VALUES (2)")
            #expect(connection.isInTransaction)
            #expect(try other.scalar("SELECT count(*) FROM t", as: Int.self) == 0)  // not yet visible
            return "done"
        }
        #expect(result == "done")
        #expect(!connection.isInTransaction)
        #expect(try other.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
    }

    @Test("a transaction rolls back when its body throws, and rethrows the error")
    func rollsBack() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.run("INSERT INTO t VALUES (0)")

        #expect(throws: SQLiteTestAbort()) {
            try connection.transaction { connection in
                try connection.run("INSERT INTO t VALUES (1)")
                try connection.run("DELETE FROM t WHERE x = 0")
                throw SQLiteTestAbort()
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try connection.query("SELECT x FROM t").map { try $0.get(0, as: Int.self) } == [0])
    }

    @Test("BEGIN IMMEDIATE takes the write lock before the first write")
    func immediate() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let first = try open(directory)
        let second = try open(directory)
        try second.execute("PRAGMA busy_timeout = 0")  // fail at once instead of waiting 5 s

        try first.transaction { _ in
            // `first` has written nothing yet, but already holds the lock.
            let error = #expect(throws: SQLiteError.self) { try second.transaction { _ in } }
            #expect(error == .busy)
            #expect(error?.resultCode == 5)  // SQLITE_BUSY
            #expect(error?.sql == "BEGIN IMMEDIATE")
            #expect(error?.description.contains("busy timeout") == true)
        }
        try second.transaction { try $0.run("INSERT INTO t VALUES (1)") }
    }

    @Test("a nested transaction is a savepoint: an inner failure undoes only the inner changes")
    func nested() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let connection = try open(directory)

        try connection.transaction { connection in
            try connection.run("INSERT INTO t VALUES (1)")
            try connection.transaction { try $0.run("INSERT INTO t VALUES (2)") }
            #expect(throws: SQLiteTestAbort()) {
                try connection.transaction { connection in
                    try connection.run("INSERT INTO t VALUES (3)")
                    try connection.transaction { try $0.run("INSERT INTO t VALUES (4)") }
                    throw SQLiteTestAbort()
                }
            }
            #expect(connection.isInTransaction)
            try connection.run("INSERT INTO t VALUES (5)")
        }
        #expect(try connection.query("SELECT x FROM t ORDER BY x").map { try $0.get(0, as: Int.self) } == [1, 2, 5])

        // An inner failure that is not caught rolls back everything.
        #expect(throws: SQLiteTestAbort()) {
            try connection.transaction { connection in
                try connection.run("INSERT INTO t VALUES (6)")
                try connection.transaction { _ in throw SQLiteTestAbort() }
            }
        }
        #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 3)
        #expect(connection.savepointDepth == 0)
    }

    @Test("a COMMIT that fails (deferred foreign key) rolls back and throws")
    func commitFailure() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = #expect(throws: SQLiteError.self) {
            try connection.transaction { try $0.run("INSERT INTO child VALUES (?)", [42]) }
        }
        #expect(error == .constraint)
        #expect(error?.extendedResultCode == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
        #expect(error?.sql == "COMMIT")
        #expect(!connection.isInTransaction)
        #expect(try connection.scalar("SELECT count(*) FROM child", as: Int.self) == 0)
    }

    @Test("closing without COMMIT, as a crash would, loses the uncommitted write and keeps the committed one")
    func crashLikeClose() throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let connection = try open(directory)
        try connection.transaction { try $0.run("INSERT INTO t VALUES (1)") }
        try connection.run("BEGIN IMMEDIATE")
        try connection.run("INSERT INTO t VALUES (2)")
        #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
        connection.close()

        let reopened = try SQLiteConnection(path: directory.path())
        #expect(try reopened.query("SELECT x FROM t").map { try $0.get(0, as: Int.self) } == [1])
    }
}
