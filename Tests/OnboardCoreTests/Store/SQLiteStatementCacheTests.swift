import Testing

@testable import OnboardCore

@Suite("SQLite statement cache")
struct SQLiteStatementCacheTests {
    @Test("running the same SQL again reuses the prepared statement")
    func reuse() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x)")
        #expect(connection.preparedStatementCount == 0)  // open and execute do not cache

        for value in 0..<10 { try connection.run("INSERT INTO t VALUES (?)", [.integer(Int64(value))]) }
        #expect(connection.preparedStatementCount == 1)
        #expect(connection.cachedStatementCount == 1)
        let runs = try connection.withStatement("INSERT INTO t VALUES (?)") { $0.runCount }
        #expect(runs == 10)
        #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 10)
    }

    @Test("a full cache evicts the least recently used statement")
    func eviction() throws {
        let connection = try SQLiteConnection(path: ":memory:", statementCacheCapacity: 2)
        try connection.run("SELECT 1")  // A
        try connection.run("SELECT 2")  // B
        try connection.run("SELECT 1")  // A again: B is now the least recently used
        try connection.run("SELECT 3")  // C evicts B
        #expect(connection.cachedStatementCount == 2)
        #expect(connection.preparedStatementCount == 2)
        #expect(try connection.withStatement("SELECT 1") { $0.runCount } == 2)  // A survived
        #expect(try connection.withStatement("SELECT 2") { $0.runCount } == 0)  // B was prepared anew
    }

    @Test("a re-entrant use of the same SQL gets its own statement")
    func reentrant() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);")
        let pairs = try connection.withStatement("SELECT x FROM t ORDER BY x") { outer in
            var pairs: [[Int64]] = []
            while try outer.step() {
                let inner = try connection.query("SELECT x FROM t ORDER BY x").map { try $0.get(0, as: Int64.self) }
                pairs.append([try outer.row.get(0)] + inner)
            }
            return pairs
        }
        #expect(pairs == [[1, 1, 2], [2, 1, 2]])
        // The extra statement was finalized; only the cached one remains.
        #expect(connection.preparedStatementCount == 1)
    }

    @Test("capacity zero disables caching")
    func disabled() throws {
        let connection = try SQLiteConnection(path: ":memory:", statementCacheCapacity: 0)
        try connection.run("SELECT 1")
        try connection.run("SELECT 1")
        #expect(connection.cachedStatementCount == 0)
        #expect(connection.preparedStatementCount == 0)
    }

    @Test("a cached statement is reset after an error and works again")
    func resetAfterError() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x UNIQUE)")
        try connection.run("INSERT INTO t VALUES (?)", [1])
        #expect(throws: SQLiteError.constraint) { try connection.run("INSERT INTO t VALUES (?)", [1]) }
        try connection.run("INSERT INTO t VALUES (?)", [2])
        #expect(try connection.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
        #expect(connection.preparedStatementCount == 2)
    }
}
