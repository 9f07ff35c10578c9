import Foundation

/// A Swift type that converts to and from ``SQLiteValue``, for binding and for typed reads with
/// ``SQLiteRow``'s `get` methods.
///
/// Reads are strict: a value converts only from the storage class that type is written as, so a schema mistake
/// surfaces as ``SQLiteError/typeMismatch`` instead of a silent conversion. The one widening is `Double`, which also
/// reads `INTEGER` (SQLite stores integral values of a column without `REAL` affinity as integers). `NULL` converts
/// only to an `Optional`.
///
/// | Type | Writes | Reads |
/// |---|---|---|
/// | `Int64`, `Int` | `INTEGER` | `INTEGER` (`Int` also needs the value to fit) |
/// | `Double` | `REAL` | `REAL`, `INTEGER` |
/// | `String` | `TEXT` | `TEXT` |
/// | `Data` | `BLOB` | `BLOB` |
/// | `Bool` | `INTEGER` 0 or 1 | `INTEGER` (zero is `false`) |
/// | `Optional<Wrapped>` | `NULL` or the wrapped value | `NULL` or the wrapped type |
/// | ``SQLiteValue`` | itself | anything |
public protocol SQLiteValueConvertible {
    /// This value as SQLite stores it.
    var sqliteValue: SQLiteValue { get }

    /// The Swift value of `sqliteValue`, or `nil` if its storage class does not convert to this type.
    init?(sqliteValue: SQLiteValue)
}

extension SQLiteValue: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { self }
    public init?(sqliteValue: SQLiteValue) { self = sqliteValue }
}

extension Int64: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .integer(self) }

    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Int: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue, let int = Int(exactly: value) else { return nil }
        self = int
    }
}

extension Double: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .real(self) }

    public init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension String: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .text(self) }

    public init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Data: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .blob(self) }

    public init?(sqliteValue: SQLiteValue) {
        guard case .blob(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Bool: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }

    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value != 0
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }

    public init?(sqliteValue: SQLiteValue) {
        if case .null = sqliteValue {
            self = .none
            return
        }
        guard let wrapped = Wrapped(sqliteValue: sqliteValue) else { return nil }
        self = .some(wrapped)
    }
}
