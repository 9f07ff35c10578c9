extension SQLiteConnection {
    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE`, then `COMMIT`, or `ROLLBACK` if `body` throws.
    ///
    /// `BEGIN IMMEDIATE` takes the database's write lock up front, waiting up to the busy timeout for it. A deferred
    /// transaction that reads first and writes later would instead fail with `SQLITE_BUSY` at its first write,
    /// whatever the timeout (engineering notes §4.1).
    ///
    /// **Nesting.** Called while a transaction is already open (for example inside ``SQLiteDatabase/write(_:)``),
    /// `transaction` opens a savepoint instead: `SAVEPOINT`, then `RELEASE`, or `ROLLBACK TO` and `RELEASE` if `body`
    /// throws. An inner failure that the outer body catches undoes only the inner changes; nothing is durable until
    /// the outermost transaction commits.
    ///
    /// - Parameter body: The work; it must not run `BEGIN`, `COMMIT` or `ROLLBACK` itself.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws (after rolling back), or SQLite's error from `BEGIN` or `COMMIT`. If `COMMIT`
    ///   fails, the transaction is rolled back.
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        try run("BEGIN IMMEDIATE")
        do {
            let result = try body(self)
            try run("COMMIT")
            return result
        } catch {
            // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL); only roll back what is still open.
            if isInTransaction { try? run("ROLLBACK") }
            throw error
        }
    }

    private func savepoint<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "onboard_savepoint_\(savepointDepth)"
        try run("SAVEPOINT \(name)")
        do {
            let result = try body(self)
            try run("RELEASE \(name)")
            return result
        } catch {
            if isInTransaction {
                try? run("ROLLBACK TO \(name)")
                try? run("RELEASE \(name)")
            }
            throw error
        }
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED` … `COMMIT`), so every query in it sees one snapshot of the
    /// database. On a ``Mode/readWriteCreate`` connection, `PRAGMA query_only` makes writes fail for the duration.
    func readTransaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let guardsWrites = mode == .readWriteCreate
        if guardsWrites { try run("PRAGMA query_only=ON") }
        defer { if guardsWrites { try? run("PRAGMA query_only=OFF") } }
        if isInTransaction { return try body(self) }
        try run("BEGIN DEFERRED")
        do {
            let result = try body(self)
            try run("COMMIT")
            return result
        } catch {
            if isInTransaction { try? run("ROLLBACK") }
            throw error
        }
    }
}
