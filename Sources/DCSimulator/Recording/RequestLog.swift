import Synchronization

/// The in-memory request log read by tests through `GET /_sim/requests` (OPS-1).
final class RequestLog: Sendable {
    /// One logged `/api/2` exchange.
    struct Entry: Sendable {
        var seq: Int
        var method: String
        var path: String
        var query: [String: String]
        var status: Int
        /// `error.code` of an error envelope, if any.
        var errorCode: Int?
        /// The API client behind the request, if known.
        var clientID: String?
        var userID: String?
        /// The injected fault that answered, if any.
        var fault: String?
        /// Committed, but the connection was closed without a response (drop-after-commit).
        var dropped: Bool

        var json: JSON {
            [
                "seq": .int(seq),
                "method": .string(method),
                "path": .string(path),
                "query": .object(query.mapValues { .string($0) }),
                "status": .int(status),
                "error_code": JSON(errorCode),
                "client_id": JSON(clientID),
                "user_id": JSON(userID),
                "fault": JSON(fault),
                "dropped": .bool(dropped),
            ]
        }
    }

    private struct Storage {
        var entries: [Entry] = []
        var nextSeq = 1
    }

    private let storage = Mutex(Storage())

    /// Appends an entry and assigns its sequence number.
    func append(_ make: (Int) -> Entry) {
        storage.withLock { storage in
            storage.entries.append(make(storage.nextSeq))
            storage.nextSeq += 1
        }
    }

    /// All entries, oldest first.
    var entries: [Entry] { storage.withLock { $0.entries } }

    /// Forgets all entries (sequence numbers keep counting).
    func clear() { storage.withLock { $0.entries.removeAll() } }
}
