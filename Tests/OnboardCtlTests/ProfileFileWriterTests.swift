import Foundation
import Glibc
import Testing

@testable import onboardctl

@Suite("Writing an exported profile")
struct ProfileFileWriterTests {
    @Test("the file gets the content and mode 0644 even under a strict umask")
    func mode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/std.json"
        let previous = umask(0o077)
        defer { umask(previous) }
        try ProfileFileWriter.write("{\"name\":\"std\"}\n", to: path, replacing: false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"name\":\"std\"}\n")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["std.json"])
    }

    @Test("an existing file is kept unless replacing is asked for (73)")
    func existing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("std.json", "old")
        let error = #expect(throws: CLIError.self) { try ProfileFileWriter.write("new", to: path, replacing: false) }
        #expect(error?.status == .cannotCreate && error?.message.contains("--force") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try ProfileFileWriter.write("new", to: path, replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test("a missing folder is EX_CANTCREAT (73)")
    func missingFolder() throws {
        let error = #expect(throws: CLIError.self) { try ProfileFileWriter.write("x", to: "/nonexistent-onboard-dir/std.json", replacing: false) }
        #expect(error?.status.code == 73)
    }
}
