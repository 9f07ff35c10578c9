/// Quoting of values inserted into POSIX `sh`, PowerShell and `cmd.exe`/`msiexec` command lines.
///
/// The renderer validates the data-centre URL and the registration token before it renders anything, so in practice
/// every value is made of letters, digits and `-.:/`. These helpers are the second line of defence: every value
/// inserted into a command goes through one of them, and a value that a shell cannot carry safely is refused with
/// ``InstallCommandError/unquotableValue`` rather than rendered.
public enum ShellQuoting {
    /// Quotes `value` as one POSIX `sh` word, always in single quotes.
    ///
    /// Inside single quotes nothing is special, so the only character to treat is `'` itself, written as `'\''`
    /// (close, escaped quote, reopen). The result is safe for `sh`, `dash`, `bash` and `zsh`.
    ///
    /// - Throws: ``InstallCommandError/unquotableValue`` if `value` contains a NUL character, which no argument can
    ///   carry.
    public static func posix(_ value: String) throws(InstallCommandError) -> String {
        try refuseNUL(value, shell: "sh")
        return "'" + value.replacing("'", with: #"'\''"#) + "'"
    }

    /// Quotes `value` as one POSIX `sh` word, leaving it bare when it has no character the shell treats specially.
    ///
    /// The bare set is that of Python's `shlex.quote`: ASCII letters, digits and `@%+=:,./-_`. Anything else,
    /// including the empty string, is quoted with ``posix(_:)``.
    ///
    /// - Throws: ``InstallCommandError/unquotableValue`` if `value` contains a NUL character.
    public static func posixWord(_ value: String) throws(InstallCommandError) -> String {
        if !value.isEmpty, value.unicodeScalars.allSatisfy(isPOSIXBare) { return value }
        return try posix(value)
    }

    /// Quotes `value` as a PowerShell verbatim (single-quoted) string.
    ///
    /// PowerShell treats the typographic quotes U+2018, U+2019, U+201A and U+201B like `'`; each of the four is
    /// escaped by doubling it. Nothing else is special inside a verbatim string (`$` and the backtick are literal).
    ///
    /// - Throws: ``InstallCommandError/unquotableValue`` if `value` contains a NUL character.
    public static func powerShell(_ value: String) throws(InstallCommandError) -> String {
        try refuseNUL(value, shell: "PowerShell")
        var quoted = "'"
        for scalar in value.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if powerShellQuotes.contains(scalar) { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "'"
    }

    /// Quotes `value` as one argument of a program started from `cmd.exe`.
    ///
    /// The value is left bare when it consists of ASCII letters, digits and `_.,:/\=+-`. Otherwise it is wrapped in
    /// double quotes, inside which `cmd.exe` treats `& | < > ^ ( )` and spaces literally; backslashes before the
    /// closing quote are doubled, as the Microsoft C runtime's argument parser requires.
    ///
    /// - Throws: ``InstallCommandError/unquotableValue`` if `value` contains `"`, `%` or `!` (which `cmd.exe`
    ///   interprets even inside double quotes, or which cannot be nested in them), a control character, or is empty.
    public static func cmd(_ value: String) throws(InstallCommandError) -> String {
        try refuseCmdUnsafe(value)
        if value.unicodeScalars.allSatisfy(isCmdBare) { return value }
        return "\"" + doublingTrailingBackslashes(value) + "\""
    }

    /// Renders a `NAME=value` public property for an `msiexec` command line typed into `cmd.exe`.
    ///
    /// The value is left bare when it consists of ASCII letters, digits and `_.,:/\+-`; otherwise it is written as
    /// `NAME="value"` with any `"` doubled, as `msiexec` expects (for example `TARGETDIR="C:\Program Files\X"`).
    ///
    /// - Throws: ``InstallCommandError/unquotableValue`` if `name` is not an upper-case property name, or if `value`
    ///   contains `%`, `!` or a control character (which `cmd.exe` would interpret). An empty value renders as
    ///   `NAME=""`.
    public static func msiProperty(_ name: String, _ value: String) throws(InstallCommandError) -> String {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) || first == "_",
            name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw .unquotableValue(
                "\"\(name)\" is not a valid public MSI property name; use upper-case letters, digits and _"
            )
        }
        try refuseCmdUnsafe(value.replacing("\"", with: ""), allowEmpty: true)
        if !value.isEmpty, value.unicodeScalars.allSatisfy({ isCmdBare($0) && $0 != "=" }) { return "\(name)=\(value)" }
        return "\(name)=\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    // MARK: Character classes

    private static let powerShellQuotes: Set<Unicode.Scalar> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isPOSIXBare(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "@%+=:,./-_".unicodeScalars.contains(scalar)
    }

    private static func isCmdBare(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || #"_.,:/\=+-"#.unicodeScalars.contains(scalar)
    }

    // MARK: Refusals

    private static func refuseNUL(_ value: String, shell: String) throws(InstallCommandError) {
        if value.unicodeScalars.contains("\0") {
            throw .unquotableValue("a value contains a NUL character, which no \(shell) argument can carry")
        }
    }

    private static func refuseCmdUnsafe(_ value: String, allowEmpty: Bool = false) throws(InstallCommandError) {
        if value.isEmpty && !allowEmpty {
            throw .unquotableValue("an empty value cannot be passed on a cmd.exe command line")
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"", "%", "!":
                throw .unquotableValue(
                    "a value contains \(scalar), which cmd.exe interprets even inside quotes; remove it"
                )
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                throw .unquotableValue(
                    "a value contains a control character, which a cmd.exe command line cannot carry"
                )
            default:
                continue
            }
        }
    }

    /// Doubles the backslashes that end `value`, so that the closing `"` added after them stays a quote.
    private static func doublingTrailingBackslashes(_ value: String) -> String {
        let trailing = value.reversed().prefix { $0 == "\\" }.count
        return value + String(repeating: "\\", count: trailing)
    }
}
