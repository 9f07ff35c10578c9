import Foundation

/// One SQLite value, by storage class: what a statement binds to a `?` parameter and what a row holds in a column.
///
/// Literals work where a value is expected, so arguments read naturally:
/// `try connection.run("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", [42, "text", nil])`. For variables, use the
/// cases (`.text(name)`, `.blob(data)`) or ``init(_:)`` with any ``SQLiteValueConvertible`` value.
///
/// `Bool` is stored as the integer `0` or `1`, as SQLite itself does.
///
/// - Note: There is deliberately no `CustomStringConvertible` conformance that would make logging rows easy:
///   values may be secrets.
public enum SQLiteValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer (`INTEGER` storage class).
    case integer(Int64)
    /// An IEEE 754 double (`REAL` storage class). SQLite stores NaN as `NULL`.
    case real(Double)
    /// UTF-8 text (`TEXT` storage class). Empty text is not `NULL`.
    case text(String)
    /// Bytes (`BLOB` storage class). An empty blob is not `NULL`.
    case blob(Data)

    /// The value of `value`, e.g. `SQLiteValue(optionalName)` or `SQLiteValue(true)`.
    public init<T: SQLiteValueConvertible>(_ value: T) {
        self = value.sqliteValue
    }

    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The SQL name of the storage class, e.g. `TEXT`; used in error messages instead of the value itself.
    var storageClassName: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}
