/// The prepared statements of one ``SQLiteConnection``, keyed by SQL text, least recently used evicted first.
///
/// Preparing is the expensive part of running a short statement, and the store runs the same few dozen statements
/// over and over. A statement that is lent out (``SQLiteStatement/isInUse``) is never handed out twice or evicted:
/// a re-entrant request for the same SQL gets a fresh, uncached statement instead.
final class SQLiteStatementCache {
    private struct Entry {
        var statement: SQLiteStatement
        var lastUse: UInt64
    }

    /// The most statements kept; zero disables caching.
    let capacity: Int
    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        precondition(capacity >= 0, "statement cache capacity must not be negative")
        self.capacity = capacity
    }

    /// The number of cached statements.
    var count: Int { entries.count }

    /// A statement for `sql`, marked in use, and whether it belongs to the cache. An uncached statement must be
    /// finalized by the caller after use.
    func acquire(
        _ sql: String,
        prepare: (String) throws -> SQLiteStatement
    ) throws -> (statement: SQLiteStatement, isCached: Bool) {
        clock &+= 1
        if var entry = entries[sql], !entry.statement.isInUse {
            entry.lastUse = clock
            entries[sql] = entry
            entry.statement.isInUse = true
            return (entry.statement, true)
        }
        let statement = try prepare(sql)
        statement.isInUse = true
        guard entries[sql] == nil, capacity > 0, makeRoom() else { return (statement, false) }
        entries[sql] = Entry(statement: statement, lastUse: clock)
        return (statement, true)
    }

    /// Finalizes and forgets every statement.
    func removeAll() {
        for entry in entries.values { entry.statement.finalize() }
        entries.removeAll()
    }

    /// Evicts the least recently used idle statement if the cache is full; `false` if every statement is in use.
    private func makeRoom() -> Bool {
        guard entries.count >= capacity else { return true }
        let idle = entries.filter { !$0.value.statement.isInUse }
        guard let victim = idle.min(by: { $0.value.lastUse < $1.value.lastUse }) else { return false }
        victim.value.statement.finalize()
        entries[victim.key] = nil
        return true
    }
}
