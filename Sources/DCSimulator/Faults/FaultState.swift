import Foundation
import Synchronization

/// Mutable state of the fault injectors: rate-limit buckets and the seeded generator for jitter and random errors.
final class FaultState: Sendable {
    private struct Storage {
        var buckets: [String: TokenBucket] = [:]
        var rng: SeededGenerator
    }

    private let storage: Mutex<Storage>

    init(seed: UInt64) {
        // A different stream than the id generator, so faults do not shift generated ids.
        storage = Mutex(Storage(rng: SeededGenerator(seed: seed ^ 0xFA17_FA17_FA17_FA17)))
    }

    /// Takes a token from `key`'s bucket; returns the wait in seconds when the bucket is empty.
    func rateLimit(key: String, rate: Double, burst: Int, at now: Date) -> TimeInterval? {
        storage.withLock { storage in
            var bucket = storage.buckets[key] ?? TokenBucket(capacity: burst, at: now)
            let wait = bucket.take(rate: rate, capacity: burst, at: now)
            storage.buckets[key] = bucket
            return wait
        }
    }

    /// Forgets all buckets (after the rate-limit settings change).
    func resetBuckets() {
        storage.withLock { $0.buckets.removeAll() }
    }

    /// A uniform random number in `0..<1` from the seeded generator.
    func unit() -> Double {
        storage.withLock { Double.random(in: 0..<1, using: &$0.rng) }
    }

    /// A uniform random integer in `0...upper` from the seeded generator.
    func integer(upTo upper: Int) -> Int {
        guard upper > 0 else { return 0 }
        return storage.withLock { Int.random(in: 0...upper, using: &$0.rng) }
    }
}
