import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import OnboardCore

/// A fresh directory under the system temporary directory for one test; call ``remove()`` when done.
struct SQLiteTestDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("onboard-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String = "test.db") -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The permission bits of the file at `path`, or `nil` if it does not exist.
func sqliteTestFileMode(_ path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return Int(status.st_mode & 0o777)
}

/// A test failure thrown on purpose from inside a transaction.
struct SQLiteTestAbort: Error, Equatable {}

extension SQLiteConnection {
    /// The first column of the first row of `sql`, as `T`.
    func scalar<T: SQLiteValueConvertible>(_ sql: String, _ arguments: [SQLiteValue] = [], as type: T.Type = T.self)
        throws -> T
    {
        guard let row = try queryFirst(sql, arguments) else {
            throw SQLiteError.failed.with(message: "no row for \(sql)")
        }
        return try row.get(0, as: type)
    }
}
