import Foundation
import OnboardCore
import Testing

@Suite("ShellQuoting")
struct ShellQuotingTests {
    static let hostile = [
        "", "plain", "two words", "it's", "'", "''", "'; rm -rf / #", "$(touch /tmp/pwned)", "`id`", "$HOME",
        #"a\b"#, #""double""#, "line1\nline2", "*", "~", "a;b|c&d", "<in >out", "!event", "tab\there",
        "ünïcödé ’quote’", "-n", #"\'"#, "${IFS}", "\u{1B}[31mred",
    ]

    @Test("POSIX quoting round-trips hostile strings through sh and bash", arguments: hostile)
    func posixRoundTrip(value: String) throws {
        for shell in ["/bin/sh", "/bin/bash"] where FileManager.default.isExecutableFile(atPath: shell) {
            for quoted in [try ShellQuoting.posix(value), try ShellQuoting.posixWord(value)] {
                let result = try ScriptProcess.run(shell, ["-c", "printf '%s' " + quoted])
                #expect(result.status == 0, "\(shell): \(result.stderr)")
                #expect(result.stdout == value, "\(shell) turned \(quoted) into \(result.stdout)")
            }
        }
    }

    @Test("POSIX quoting: exact forms")
    func posixForms() throws {
        #expect(try ShellQuoting.posix("https://eu2-cloud.acronis.com") == "'https://eu2-cloud.acronis.com'")
        #expect(try ShellQuoting.posix("it's") == #"'it'\''s'"#)
        #expect(try ShellQuoting.posix("") == "''")
        #expect(try ShellQuoting.posixWord("https://eu2-cloud.acronis.com") == "https://eu2-cloud.acronis.com")
        #expect(try ShellQuoting.posixWord("--token=7KQ2-M9XD-4TRB") == "--token=7KQ2-M9XD-4TRB")
        #expect(try ShellQuoting.posixWord("http://[::1]:8080") == "'http://[::1]:8080'")
        #expect(try ShellQuoting.posixWord("~root") == "'~root'")
        #expect(try ShellQuoting.posixWord("") == "''")
    }

    @Test("PowerShell quoting doubles every kind of single quote and leaves $ and backtick alone")
    func powerShell() throws {
        #expect(try ShellQuoting.powerShell("plain") == "'plain'")
        #expect(try ShellQuoting.powerShell("") == "''")
        #expect(try ShellQuoting.powerShell("it's") == "'it''s'")
        #expect(try ShellQuoting.powerShell("$(Remove-Item C:\\ -Recurse)") == "'$(Remove-Item C:\\ -Recurse)'")
        #expect(try ShellQuoting.powerShell("`n$env:PATH") == "'`n$env:PATH'")
        #expect(try ShellQuoting.powerShell("a\u{2019}b") == "'a\u{2019}\u{2019}b'")
        #expect(
            try ShellQuoting.powerShell("\u{2018}x\u{201A}y\u{201B}")
                == "'\u{2018}\u{2018}x\u{201A}\u{201A}y\u{201B}\u{201B}'"
        )
        #expect(try ShellQuoting.powerShell("'; Stop-Computer; '") == "'''; Stop-Computer; '''")
    }

    @Test("cmd quoting: bare when safe, double quotes otherwise, trailing backslashes doubled")
    func cmd() throws {
        #expect(try ShellQuoting.cmd("https://eu2-cloud.acronis.com") == "https://eu2-cloud.acronis.com")
        #expect(try ShellQuoting.cmd("--reg-token=7KQ2-M9XD-4TRB") == "--reg-token=7KQ2-M9XD-4TRB")
        #expect(try ShellQuoting.cmd(#"C:\Program Files\X"#) == #""C:\Program Files\X""#)
        #expect(try ShellQuoting.cmd("a&b|c<d>e^f(g)") == #""a&b|c<d>e^f(g)""#)
        #expect(try ShellQuoting.cmd(#"C:\my dir\"#) == #""C:\my dir\\""#)
        #expect(try ShellQuoting.cmd("--reg-address=http://[::1]:8080") == #""--reg-address=http://[::1]:8080""#)
    }

    @Test(
        "cmd quoting refuses what cmd.exe interprets even inside quotes",
        arguments: ["", #"say "hi""#, "%PATH%", "!x!", "a\nb", "a\rb", "a\u{0}b", "a\u{7F}"]
    )
    func cmdRefuses(value: String) {
        #expect(throws: InstallCommandError.unquotableValue) { try ShellQuoting.cmd(value) }
    }

    @Test("msiexec properties: bare when safe, NAME=\"...\" with doubled quotes otherwise")
    func msiProperty() throws {
        #expect(
            try ShellQuoting.msiProperty("TARGETDIR", #"C:\Program Files\BackupClient"#)
                == #"TARGETDIR="C:\Program Files\BackupClient""#
        )
        #expect(
            try ShellQuoting.msiProperty("REGISTRATION_TOKEN", "7KQ2-M9XD-4TRB") == "REGISTRATION_TOKEN=7KQ2-M9XD-4TRB"
        )
        #expect(try ShellQuoting.msiProperty("X", #"say "hi" & bye"#) == #"X="say ""hi"" & bye""#)
        #expect(try ShellQuoting.msiProperty("X", "a=b") == #"X="a=b""#)
        #expect(try ShellQuoting.msiProperty("X", "") == #"X="""#)
        #expect(try ShellQuoting.msiProperty("_A1", "v") == "_A1=v")
    }

    @Test(
        "msiexec properties refuse bad names and values cmd.exe would interpret",
        arguments: [
            ("X", "%TEMP%"), ("X", "!v!"), ("X", "a\nb"), ("x", "v"), ("X Y", "v"), ("", "v"), ("1X", "v"),
            ("X=Y", "v"),
        ]
    )
    func msiRefuses(name: String, value: String) {
        #expect(throws: InstallCommandError.unquotableValue) { try ShellQuoting.msiProperty(name, value) }
    }

    @Test("a NUL character is refused by the POSIX and PowerShell quoting")
    func nul() {
        #expect(throws: InstallCommandError.unquotableValue) { try ShellQuoting.posix("a\u{0}b") }
        #expect(throws: InstallCommandError.unquotableValue) { try ShellQuoting.posixWord("a\u{0}b") }
        #expect(throws: InstallCommandError.unquotableValue) { try ShellQuoting.powerShell("a\u{0}b") }
    }
}
