import OnboardCore
import Testing

@testable import onboardctl

@Suite("Error messages for people")
struct ErrorReportTests {
    @Test("rejected input lists one problem per line, with row and column for CSV")
    func issues() {
        let error = RPCError.invalidData.with(
            message: "the CSV is not valid; nothing was submitted (3 problems):\n  row 3: admin.email must be an e-mail address\n  …",
            details: [
                "issues": [
                    ["row": 3, "column": "admin_email", "path": "admin.email", "problem": "must be an e-mail address", "fix": "write it as name@example.com"],
                    ["path": "admin.login", "problem": "must start with a letter or a digit", "fix": "remove the leading dot"],
                    ["row": 5, "column": "partner", "issue": ["path": "partner", "problem": "is not configured", "fix": "use eu2"]],
                    ["unexpected": true],
                ]
            ])
        #expect(ErrorReport.lines(for: error, source: "bulk.csv") == [
            "error: bulk.csv: the CSV is not valid; nothing was submitted (3 problems):",
            "  row 3, admin.email (column admin_email): must be an e-mail address. Fix: write it as name@example.com",
            "  admin.login: must start with a letter or a digit. Fix: remove the leading dot",
            "  row 5, partner: is not configured. Fix: use eu2",
        ])
    }

    @Test("other errors are the daemon's message alone, every line of it; details are not dumped")
    func plain() {
        let conflict = RPCError.conflict.with(message: "1 request conflicts with earlier submissions:\n  Contoso Ltd: key crm-1 differs")
        #expect(ErrorReport.lines(for: conflict) == ["error: 1 request conflicts with earlier submissions:\n  Contoso Ltd: key crm-1 differs"])
        let error = RPCError.unavailable.with(message: "onboardd is not running", details: ["path": "/run/onboardd.sock", "errno": 2])
        #expect(ErrorReport.lines(for: error) == ["error: onboardd is not running"])
        #expect(ErrorReport.lines(for: CLIError.unreadable("cannot read a.json")) == ["error: cannot read a.json"])
    }
}
