import Foundation

struct DeadlineExceeded: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Runs `operation`, failing with ``DeadlineExceeded`` if it takes longer than `limit`.
func withDeadline<T: Sendable>(
    _ limit: Duration, waitingFor what: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw DeadlineExceeded(what: what)
        }
        return value
    }
}

/// Polls `condition` every few milliseconds until it holds, failing after `limit`.
func waitUntil(
    _ what: String, within limit: Duration = .seconds(10), _ condition: @escaping @Sendable () async throws -> Bool
) async throws {
    try await withDeadline(limit, waitingFor: what) {
        while try await !condition() {
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
