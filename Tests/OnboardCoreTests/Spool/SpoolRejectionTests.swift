import Testing

@testable import OnboardCore

@Suite("spool rejection reasons")
struct SpoolRejectionTests {
    @Test("each reason says what is wrong and how to fix it")
    func messages() {
        let issue = RequestIssue(path: "admin.login", problem: "must start with a letter or a digit", fix: "Use jdoe.")
        let cases: [(SpoolRejection, String, String)] = [
            (.badJSON("unexpected end of data at line 1"), "bad_json", "unexpected end of data at line 1"),
            (.validation([issue]), "validation_failed", "admin.login: must start with a letter or a digit"),
            (.symlink, "symlink", "symbolic link"),
            (.notRegularFile("a directory"), "not_regular_file", "a directory, not a regular file"),
            (.tooLarge(size: 2_000_000, limit: 1_048_576), "too_large", "2000000 bytes, more than the limit of 1048576"),
            (.unreadable("Permission denied (EACCES)"), "unreadable", "Permission denied (EACCES)"),
        ]
        for (rejection, reason, fragment) in cases {
            #expect(rejection.reason == reason)
            #expect(rejection.message.contains(fragment), "\(rejection.message)")
            #expect(rejection.fix.contains("incoming/"), "\(reason): the fix says how to resubmit")
            #expect(rejection.description.hasPrefix("\(reason): "))
        }
        #expect(SpoolRejection.validation([issue]).issues == [issue])
        #expect(SpoolRejection.symlink.issues.isEmpty)
    }

    @Test("SpoolError compares by code and explains itself")
    func errors() {
        let error = SpoolError.io.with(operation: "rename", path: "/a -> /b", errno: 13)
        #expect(error == .io)
        #expect(error != .inotify)
        #expect(error.description.contains("rename /a -> /b failed: Permission denied (EACCES)"))
        #expect(error.description.contains("Check the spool folders' owner and modes"))
    }
}
