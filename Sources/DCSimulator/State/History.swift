import Foundation

/// The recent versions of one stored object, so reads can lag behind writes.
///
/// Writes always see ``current``. Reads use ``value(asOf:)`` with `now − readAfterWriteLagMs`, which returns the
/// state from before a recent write until the lag has passed (§3.8, §10 #16, knob `readAfterWriteLagMs`).
struct History<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var at: Date
        var value: Value?
    }

    /// Versions oldest first; the last one is current.
    private var entries: [Entry]
    /// Older versions were dropped; the oldest kept one then stands in for them.
    private var truncated = false

    /// How many versions to keep. Older ones can only matter for lags longer than the time between writes.
    private static var capacity: Int { 16 }

    /// A history whose first version was written at `at`.
    init(_ value: Value, at: Date) {
        entries = [Entry(at: at, value: value)]
    }

    /// The latest version (`nil` if removed).
    var current: Value? { entries.last?.value }

    /// The version visible at `cutoff`: the last one written at or before it, or `nil` if none was.
    func value(asOf cutoff: Date) -> Value? {
        if let entry = entries.last(where: { $0.at <= cutoff }) { return entry.value }
        return truncated ? entries.first?.value : nil
    }

    /// Records a new version written at `at`.
    mutating func record(_ value: Value?, at: Date) {
        entries.append(Entry(at: at, value: value))
        if entries.count > Self.capacity {
            entries.removeFirst(entries.count - Self.capacity)
            truncated = true
        }
    }
}
