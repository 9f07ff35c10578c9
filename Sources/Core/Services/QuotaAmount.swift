import Foundation

/// A quota amount as a profile writes it: a plain number, or bytes with a unit (`500GiB`, `1 TB`).
///
/// Decimal units (`KB`, `MB`, `GB`, `TB`, `PB`) are powers of 1000, binary units (`KiB` … `PiB`)
/// powers of 1024; `B` is bytes. Units are only valid on items measured in bytes.
public struct QuotaAmount: Sendable, Hashable, CustomStringConvertible {
    /// The amount in the item's own unit (bytes for storage items).
    public var value: Int64
    /// Whether the profile wrote a byte unit; such an amount only fits items measured in bytes.
    public var hasByteUnit: Bool

    public init(value: Int64, hasByteUnit: Bool = false) {
        self.value = value
        self.hasByteUnit = hasByteUnit
    }

    static let units: [(suffix: String, multiplier: Int64)] = [
        ("PiB", 1 << 50), ("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10),
        ("PB", 1_000_000_000_000_000), ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000),
        ("B", 1),
    ]

    /// Parses `"500GiB"`, `"1.5 TB"`, `"200"`; `nil` when the text is not an amount.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var multiplier: Int64 = 1
        var number = Substring(trimmed)
        var unit = false
        for (suffix, factor) in Self.units where trimmed.lowercased().hasSuffix(suffix.lowercased()) {
            number = trimmed.dropLast(suffix.count)
            multiplier = factor
            unit = true
            break
        }
        let digits = number.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." }), let amount = Double(digits), amount >= 0 else {
            return nil
        }
        let total = (amount * Double(multiplier)).rounded()
        guard total < Double(Int64.max) else { return nil }
        self.init(value: Int64(total), hasByteUnit: unit)
    }

    /// The shortest exact form: `500GiB`, `1TB`, `12`.
    public var description: String {
        guard hasByteUnit else { return String(value) }
        return Self.formatBytes(value)
    }

    /// Formats a byte count with the unit that divides it exactly and gives the smallest number,
    /// e.g. `536870912000` → `500GiB`, `1000000000000` → `1TB`.
    public static func formatBytes(_ bytes: Int64) -> String {
        guard bytes != 0 else { return "0B" }
        let exact = units.filter { bytes % $0.multiplier == 0 }
        let best = exact.min { bytes / $0.multiplier < bytes / $1.multiplier } ?? ("B", 1)
        return "\(bytes / best.multiplier)\(best.suffix)"
    }
}
