import Testing

@testable import OnboardCore

@Suite("SQLite errors")
struct SQLiteErrorTests {
    private static let secret = "hunter2-client-secret"

    private func makeTable() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE credentials (
                name TEXT NOT NULL UNIQUE,
                secret TEXT NOT NULL CHECK (length(secret) < 100),
                parent_id INTEGER REFERENCES parent (id)
            );
            """)
        try connection.run("INSERT INTO credentials (name, secret) VALUES (?, ?)", ["dc1", .text(Self.secret)])
        return connection
    }

    @Test("a UNIQUE failure carries code, extended code, message and SQL, and never the bound values")
    func unique() throws {
        let connection = try makeTable()
        let error = #expect(throws: SQLiteError.self) {
            try connection.run(
                "INSERT INTO credentials (name, secret)\n    VALUES (?, ?)", ["dc1", .text(Self.secret)])
        }
        let failure = try #require(error)
        #expect(failure == .constraint)
        #expect(failure.resultCode == 19)  // SQLITE_CONSTRAINT
        #expect(failure.extendedResultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(failure.message == "UNIQUE constraint failed: credentials.name")
        #expect(failure.sql == "INSERT INTO credentials (name, secret)")
        #expect(
            failure.description
                == "SQLite error 19/2067 (constraint failed): UNIQUE constraint failed: credentials.name "
                + "[SQL: INSERT INTO credentials (name, secret)]")
        #expect(!failure.description.contains(Self.secret))
        #expect(!String(reflecting: failure).contains(Self.secret))
    }

    @Test("NOT NULL, CHECK and FOREIGN KEY failures keep the secret out too", arguments: [
        ("INSERT INTO credentials (name, secret) VALUES (NULL, ?)", 1299),  // SQLITE_CONSTRAINT_NOTNULL
        ("INSERT INTO credentials (name, secret) VALUES ('x', ? || hex(randomblob(60)))", 275),  // _CHECK
        ("INSERT INTO credentials (name, secret, parent_id) VALUES ('y', ?, 7)", 787),  // _FOREIGNKEY
    ])
    func otherConstraints(sql: String, extendedCode: Int32) throws {
        let connection = try makeTable()
        let error = #expect(throws: SQLiteError.self) { try connection.run(sql, [.text(Self.secret)]) }
        #expect(error == .constraint)
        #expect(error?.extendedResultCode == extendedCode)
        #expect(error?.description.contains(Self.secret) == false)
        #expect(error?.message.contains(Self.secret) == false)
    }

    @Test("a syntax error is failed with SQLite's message")
    func syntax() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try connection.run("SELEC 1") }
        #expect(error == .failed)
        #expect(error?.resultCode == 1)
        #expect(error?.message == #"near "SELEC": syntax error"#)
    }

    @Test("the SQL in an error is its first non-blank line, at most 200 characters")
    func firstLine() {
        #expect(SQLiteError.firstLine("\n   \n  SELECT *\n  FROM t") == "SELECT *")
        #expect(SQLiteError.firstLine("") == "")
        let long = "SELECT " + String(repeating: "x", count: 300)
        #expect(SQLiteError.firstLine(long) == String(long.prefix(200)) + "…")
    }

    @Test("errors compare by code only")
    func equality() {
        let a = SQLiteError(sqliteCode: 2067, message: "one", sql: "A")
        let b = SQLiteError(sqliteCode: 1299, message: "two", sql: "B")
        #expect(a == b)
        #expect(a == .constraint)
        #expect(a != .busy)
        #expect(Set([a, b, SQLiteError.busy]).count == 2)
    }

    @Test("primary result codes map to the error codes", arguments: [
        (Int32(5), SQLiteError.busy), (6, .busy), (8, .readOnly), (11, .corrupt), (13, .diskFull), (14, .cantOpen),
        (19, .constraint), (21, .misuse), (25, .misuse), (26, .corrupt), (1, .failed), (10, .failed),
    ])
    func mapping(code: Int32, expected: SQLiteError) {
        #expect(SQLiteError(sqliteCode: code, message: "", sql: nil) == expected)
        #expect(SQLiteError(sqliteCode: code | (3 << 8), message: "", sql: nil).resultCode == code)
    }
}
