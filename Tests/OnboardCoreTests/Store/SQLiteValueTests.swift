import Foundation
import Testing

@testable import OnboardCore

@Suite("SQLite values: binding and reading")
struct SQLiteValueTests {
    /// A table whose column `v` has no type, so SQLite stores every value with its own storage class.
    private func makeTable() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v)")
        return connection
    }

    static let roundTripValues: [SQLiteValue] = [
        .null,
        .integer(0), .integer(-1), .integer(.min), .integer(.max),
        .real(0.1), .real(-2.5e-300), .real(1.7976931348623157e308), .real(.infinity), .real(-.infinity),
        .text(""), .text("plain ascii"), .text("Grüße, 世界, emoji 🚀👩‍👩‍👧, RTL עברית"),
        .text("with\u{0}embedded NUL"), .text("quote ' and \" and ; -- not a comment"),
        .blob(Data()), .blob(Data([0, 1, 2, 0, 255])),
    ]

    @Test("every storage class round-trips unchanged, including NULL, empty text and empty blob",
          arguments: roundTripValues)
    func roundTrip(value: SQLiteValue) throws {
        let connection = try makeTable()
        try connection.run("INSERT INTO t (v) VALUES (?)", [value])
        let row = try #require(try connection.queryFirst("SELECT v, typeof(v) AS type FROM t"))
        #expect(row[0] == value)
        #expect(try row.get("type", as: String.self) == value.storageClassName.lowercased())
    }

    @Test("an 8 MiB blob round-trips")
    func largeBlob() throws {
        let connection = try makeTable()
        let words = (0..<(1 << 20)).map { _ in UInt64.random(in: .min ... .max) }
        let blob = words.withUnsafeBytes { Data($0) }
        try connection.run("INSERT INTO t (v) VALUES (?)", [.blob(blob)])
        #expect(try connection.scalar("SELECT length(v) FROM t", as: Int.self) == blob.count)
        #expect(try connection.scalar("SELECT v FROM t", as: Data.self) == blob)
    }

    @Test("typed values bind and read back by index and by name")
    func typed() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute(
            "CREATE TABLE t (i INTEGER, n INTEGER, r REAL, s TEXT, d BLOB, yes INTEGER, no INTEGER, missing TEXT)")
        let data = Data("bytes".utf8)
        let nothing: String? = nil
        try connection.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                SQLiteValue(Int64(-42)), SQLiteValue(7), SQLiteValue(2.5), SQLiteValue("Ünïcödé"), SQLiteValue(data),
                SQLiteValue(true), SQLiteValue(false), SQLiteValue(nothing),
            ])
        let row = try #require(try connection.queryFirst("SELECT * FROM t"))
        #expect(row.columnNames == ["i", "n", "r", "s", "d", "yes", "no", "missing"])
        #expect(try row.get(0, as: Int64.self) == -42)
        #expect(try row.get("n", as: Int.self) == 7)
        #expect(try row.get("r", as: Double.self) == 2.5)
        #expect(try row.get("s", as: String.self) == "Ünïcödé")
        #expect(try row.get("d", as: Data.self) == data)
        #expect(try row.get("yes", as: Bool.self) == true)
        #expect(try row.get("no", as: Bool.self) == false)
        #expect(try row.get("missing", as: String?.self) == nil)
        #expect(try row.get("s", as: String?.self) == "Ünïcödé")
        #expect(try row.get("MISSING", as: SQLiteValue.self) == .null)  // names are case-insensitive
        // Type inference picks T from the context.
        let integer: Int64 = try row.get("i")
        #expect(integer == -42)
        // An integer reads as Double (widening), but not the other way round.
        #expect(try row.get("i", as: Double.self) == -42)
        #expect(throws: SQLiteError.typeMismatch) { try row.get("r", as: Int64.self) }
    }

    @Test("literals build arguments")
    func literals() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let row = try #require(
            try connection.queryFirst("SELECT ?, ?, ?, ?, ?, ?", [1, 2.5, "three", true, false, nil]))
        #expect(row.values == [.integer(1), .real(2.5), .text("three"), .integer(1), .integer(0), .null])
    }

    @Test("a value of the wrong storage class is a type mismatch that names the class, not the value")
    func typeMismatch() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let row = try #require(try connection.queryFirst("SELECT ? AS token, NULL AS empty", ["s3cr3t-token"]))
        let error = #expect(throws: SQLiteError.self) { try row.get("token", as: Int64.self) }
        #expect(error == .typeMismatch)
        #expect(error?.description == #"column "token" (index 0) holds TEXT, which does not read as Int64"#)
        #expect(error?.description.contains("s3cr3t") == false)
        // NULL reads only as an Optional.
        #expect(throws: SQLiteError.typeMismatch) { try row.get("empty", as: String.self) }
        #expect(try row.get("empty", as: String?.self) == nil)
    }

    @Test("a missing column is columnNotFound")
    func missingColumn() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let row = try #require(try connection.queryFirst("SELECT 1 AS one"))
        #expect(throws: SQLiteError.columnNotFound) { try row.get("two", as: Int.self) }
        #expect(throws: SQLiteError.columnNotFound) { try row.get(1, as: Int.self) }
        #expect(throws: SQLiteError.columnNotFound) { try row.value(named: "two") }
    }

    @Test("query returns every row in order")
    func queryRows() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (3), (1), (2);")
        let rows = try connection.query("SELECT x FROM t WHERE x > ? ORDER BY x", [1])
        #expect(try rows.map { try $0.get(0, as: Int.self) } == [2, 3])
        #expect(try connection.queryFirst("SELECT x FROM t WHERE x > ?", [10]) == nil)
    }
}
