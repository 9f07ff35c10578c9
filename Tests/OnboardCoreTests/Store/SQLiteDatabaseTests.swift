import Dispatch
import Testing

@testable import OnboardCore

@Suite("SQLite database: writer and reader queues")
struct SQLiteDatabaseTests {
    private func open(_ directory: SQLiteTestDirectory) async throws -> SQLiteDatabase {
        let database = try await SQLiteDatabase(path: directory.path())
        try await database.write { connection in
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                INSERT OR IGNORE INTO counter VALUES (1, 0);
                """)
        }
        return database
    }

    @Test("100 concurrent writes are serialised: a read-modify-write counter ends at 100")
    func concurrentWrites() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)

        let seen = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    try await database.write { connection in
                        // Read, then write: a lost update would show if two bodies ever overlapped.
                        let value = try connection.scalar("SELECT value FROM counter", as: Int.self)
                        try connection.run("UPDATE counter SET value = ?", [.integer(Int64(value + 1))])
                        return value + 1
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(seen.sorted() == Array(1...100))
        let value = try await database.read { try $0.scalar("SELECT value FROM counter", as: Int.self) }
        #expect(value == 100)
        await database.close()
    }

    @Test("read sees what write committed, and write rolls back on throw")
    func readAfterWrite() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)

        try await database.write { try $0.run("UPDATE counter SET value = 7") }
        #expect(try await database.read { try $0.scalar("SELECT value FROM counter", as: Int.self) } == 7)

        await #expect(throws: SQLiteTestAbort()) {
            try await database.write { connection in
                try connection.run("UPDATE counter SET value = 8")
                throw SQLiteTestAbort()
            }
        }
        #expect(try await database.read { try $0.scalar("SELECT value FROM counter", as: Int.self) } == 7)
        await database.close()
    }

    @Test("read does not wait for a write in progress and sees the last committed state")
    func readDuringWrite() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)

        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let release = DispatchSemaphore(value: 0)
        defer { release.signal() }  // never leave the queue blocked if the test fails early
        async let write: Void = database.write { connection in
            try connection.run("UPDATE counter SET value = 1")
            startedContinuation.yield()
            release.wait()  // blocks the writer queue's thread, not the cooperative pool
        }
        for await _ in started { break }

        let during = try await database.read { try $0.scalar("SELECT value FROM counter", as: Int.self) }
        #expect(during == 0)
        release.signal()
        try await write
        let after = try await database.read { try $0.scalar("SELECT value FROM counter", as: Int.self) }
        #expect(after == 1)
        await database.close()
    }

    @Test("all queries in one read see the same snapshot")
    func readSnapshot() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)

        let (firstRead, firstReadContinuation) = AsyncStream.makeStream(of: Void.self)
        let release = DispatchSemaphore(value: 0)
        defer { release.signal() }  // never leave the queue blocked if the test fails early
        async let values: [Int] = database.read { connection in
            let first = try connection.scalar("SELECT value FROM counter", as: Int.self)
            firstReadContinuation.yield()
            release.wait()
            return [first, try connection.scalar("SELECT value FROM counter", as: Int.self)]
        }
        for await _ in firstRead { break }
        try await database.write { try $0.run("UPDATE counter SET value = 5") }
        release.signal()
        #expect(try await values == [0, 0])
        await database.close()
    }

    @Test("reads cannot write")
    func readIsReadOnly() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)
        await #expect(throws: SQLiteError.readOnly) {
            try await database.read { try $0.run("UPDATE counter SET value = 9") }
        }
        await database.close()
    }

    @Test("jobs run on the writer and reader queues, never on the caller's thread pool")
    func queues() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)
        let key = SQLiteConnectionQueue.labelKey
        let writeQueue = try await database.write { _ in DispatchQueue.getSpecific(key: key) }
        let readQueue = try await database.read { _ in DispatchQueue.getSpecific(key: key) }
        let checkQueue = try await database.writeWithoutTransaction { connection in
            #expect(!connection.isInTransaction)
            return DispatchQueue.getSpecific(key: key)
        }
        #expect(writeQueue == "onboard.sqlite.writer")
        #expect(checkQueue == "onboard.sqlite.writer")
        #expect(readQueue == "onboard.sqlite.reader")
        await database.close()
    }

    @Test("check answers while open; after close every call throws closed")
    func checkAndClose() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)
        try await database.check()
        await database.close()
        await database.close()
        await #expect(throws: SQLiteError.closed) { try await database.check() }
        await #expect(throws: SQLiteError.closed) { try await database.write { _ in } }
        await #expect(throws: SQLiteError.closed) { try await database.read { _ in } }
        // The last connection checkpointed and removed the WAL.
        #expect(sqliteTestFileMode(directory.path() + "-wal") == nil)
        #expect(sqliteTestFileMode(directory.path()) == 0o600)
    }

    @Test("committed writes survive close and reopen")
    func reopen() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        let database = try await open(directory)
        try await database.write { try $0.run("UPDATE counter SET value = 3") }
        await database.close()
        let reopened = try await SQLiteDatabase(path: directory.path())
        #expect(try await reopened.read { try $0.scalar("SELECT value FROM counter", as: Int.self) } == 3)
        await reopened.close()
    }

    @Test("an in-memory database reads on the writer queue")
    func inMemory() async throws {
        let database = try await SQLiteDatabase(path: ":memory:")
        try await database.write { try $0.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);") }
        let (count, queue) = try await database.read { connection in
            (try connection.scalar("SELECT count(*) FROM t", as: Int.self),
             DispatchQueue.getSpecific(key: SQLiteConnectionQueue.labelKey))
        }
        #expect(count == 1)
        #expect(queue == "onboard.sqlite.writer")
        await #expect(throws: SQLiteError.readOnly) { try await database.read { try $0.run("DELETE FROM t") } }
        try await database.write { try $0.run("DELETE FROM t") }  // query_only was switched off again
        await database.close()
    }

    @Test("opening a database in a missing directory fails with cantOpen")
    func openFailure() async throws {
        let directory = try SQLiteTestDirectory()
        defer { directory.remove() }
        await #expect(throws: SQLiteError.cantOpen) { try await SQLiteDatabase(path: directory.path("no/such.db")) }
    }
}
