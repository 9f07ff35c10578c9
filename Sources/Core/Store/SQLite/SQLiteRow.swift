/// One result row, copied out of SQLite: column names and values, readable by index or by name.
///
/// A row is a plain `Sendable` value, independent of the statement that produced it, so it can be returned from
/// ``SQLiteDatabase/read(_:)`` and kept as long as needed.
///
/// ```swift
/// let row = try connection.queryFirst("SELECT id, name, note FROM jobs WHERE id = ?", [.integer(id)])
/// let name: String = try row!.get("name")
/// let note = try row!.get("note", as: String?.self)   // NULL reads as nil
/// ```
public struct SQLiteRow: Sendable, Hashable {
    /// The result column names, as SQLite reports them (the `AS` alias if there is one).
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [SQLiteValue]

    /// A row of `values` under `columnNames`, which must have the same count.
    public init(columnNames: [String], values: [SQLiteValue]) {
        precondition(columnNames.count == values.count, "a row needs one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value at column `index` (zero-based).
    ///
    /// - Precondition: `index` is in `0..<count`.
    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The index of the column named `name`: the first exact match, else the first case-insensitive match (SQL
    /// identifiers are case-insensitive).
    public func index(of name: String) -> Int? {
        columnNames.firstIndex(of: name)
            ?? columnNames.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// The value of the column named `name`.
    ///
    /// - Throws: ``SQLiteError/columnNotFound`` if there is no such column.
    public func value(named name: String) throws -> SQLiteValue {
        guard let index = index(of: name) else { throw missingColumn(name) }
        return values[index]
    }

    /// The value at column `index`, converted to `T`.
    ///
    /// - Parameters:
    ///   - index: The zero-based column index.
    ///   - type: The Swift type to read; inferred from the context if omitted. Use an `Optional` for a column that
    ///     may be `NULL`.
    /// - Throws: ``SQLiteError/columnNotFound`` for an index out of range, ``SQLiteError/typeMismatch`` if the
    ///   value's storage class does not convert to `T` (the message names the storage class, never the value).
    public func get<T: SQLiteValueConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw SQLiteError.columnNotFound.with(message: "no column at index \(index) in a row of \(count) columns")
        }
        return try convert(index, to: type)
    }

    /// The value of the column named `name`, converted to `T`.
    ///
    /// - Parameters:
    ///   - name: The column name (see ``index(of:)``).
    ///   - type: The Swift type to read; inferred from the context if omitted. Use an `Optional` for a column that
    ///     may be `NULL`.
    /// - Throws: ``SQLiteError/columnNotFound`` if there is no such column, ``SQLiteError/typeMismatch`` if the
    ///   value's storage class does not convert to `T` (the message names the storage class, never the value).
    public func get<T: SQLiteValueConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = index(of: name) else { throw missingColumn(name) }
        return try convert(index, to: type)
    }

    private func missingColumn(_ name: String) -> SQLiteError {
        SQLiteError.columnNotFound.with(
            message: "no column named \"\(name)\" in the row (columns: \(columnNames.joined(separator: ", ")))")
    }

    private func convert<T: SQLiteValueConvertible>(_ index: Int, to type: T.Type) throws -> T {
        let value = values[index]
        guard let converted = T(sqliteValue: value) else {
            throw SQLiteError.typeMismatch.with(
                message: "column \"\(columnNames[index])\" (index \(index)) holds \(value.storageClassName), "
                    + "which does not read as \(T.self)")
        }
        return converted
    }
}
