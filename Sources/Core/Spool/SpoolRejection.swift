/// Why a spool file was refused, in words an operator can act on: what is wrong and how to fix it.
///
/// A rejection is not an error of the daemon: the file is moved to `rejected/` beside a `<name>.error.json`
/// (``SpoolRejectionReport``) carrying ``reason``, ``message``, ``fix`` and, for an invalid request, the ``issues``.
///
/// Like the SSWG error pattern, it is a struct built through static members rather than a public enum, so new
/// reasons can be added without breaking anyone's `switch`; compare ``reason`` to tell them apart.
public struct SpoolRejection: Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable code: `bad_json`, `validation_failed`, `symlink`, `not_regular_file`, `too_large`,
    /// `unreadable`, or a caller's own code from ``other(reason:message:fix:issues:)``.
    public private(set) var reason: String
    /// What is wrong, as a sentence.
    public private(set) var message: String
    /// What to do about it, as an imperative sentence.
    public private(set) var fix: String
    /// The problems found in the request, each with its own fix; empty unless the request was parsed.
    public private(set) var issues: [RequestIssue]
    /// The JSON parser's own words, for ``badJSON(_:)``; `nil` otherwise.
    public private(set) var parserError: String?

    private init(
        reason: String, message: String, fix: String, issues: [RequestIssue] = [], parserError: String? = nil
    ) {
        self.reason = reason
        self.message = message
        self.fix = fix
        self.issues = issues
        self.parserError = parserError
    }

    /// How to resubmit once the file is fixed; ends every fix.
    private static let resubmit =
        "then drop the corrected file into incoming/ again (write it as .tmp-NAME and rename it, or use "
        + "`onboardctl submit FILE`); `onboardctl plan FILE` checks a file without submitting it"

    /// The file is not JSON (or not a JSON object); `parserError` says where and why.
    public static func badJSON(_ parserError: String) -> SpoolRejection {
        SpoolRejection(
            reason: "bad_json",
            message: "the file is not a valid JSON onboarding request: \(parserError)",
            fix: "Fix the JSON syntax at the position given (quotes, commas, brackets; the file must be UTF-8), "
                + resubmit,
            parserError: parserError)
    }

    /// The JSON is a request, but fields are missing or wrong; `issues` lists each with its fix.
    public static func validation(_ issues: [RequestIssue]) -> SpoolRejection {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return SpoolRejection(
            reason: "validation_failed",
            message: "the onboarding request is not valid (\(count)): "
                + issues.map(\.description).joined(separator: "; "),
            fix: "Correct every field listed under issues as its fix says, " + resubmit,
            issues: issues)
    }

    /// The entry is a symbolic link; the daemon opens spool files with `O_NOFOLLOW` and never follows links.
    public static let symlink = SpoolRejection(
        reason: "symlink",
        message: "the entry is a symbolic link; onboardd does not follow links in the spool",
        fix: "Copy the request file itself into incoming/ instead of linking to it, " + resubmit)

    /// The entry is not a regular file; `type` says what it is instead, e.g. `a directory` or `a FIFO (named pipe)`.
    public static func notRegularFile(_ type: String) -> SpoolRejection {
        SpoolRejection(
            reason: "not_regular_file",
            message: "the entry is \(type), not a regular file",
            fix: "Put only regular JSON files, one onboarding request each, into incoming/; " + resubmit)
    }

    /// The file has `size` bytes (or at least that many), more than `limit`.
    public static func tooLarge(size: Int, limit: Int) -> SpoolRejection {
        SpoolRejection(
            reason: "too_large",
            message: "the file is \(size) bytes, more than the limit of \(limit) bytes for one request",
            fix: "A request is a small JSON document: check that this is the right file, and put one customer per "
                + "file (use `onboardctl submit --csv FILE` for batches); " + resubmit)
    }

    /// The daemon could not open or read the file; `errorText` is the system's reason, e.g.
    /// `Permission denied (EACCES)`.
    public static func unreadable(_ errorText: String) -> SpoolRejection {
        SpoolRejection(
            reason: "unreadable",
            message: "onboardd cannot read the file: \(errorText)",
            fix: "Make the file readable by group onboard (mode 0640; files created in incoming/ get group onboard "
                + "from its setgid bit, so do not chgrp or chmod them to 0600), " + resubmit)
    }

    /// A reason of the caller's own, e.g. an idempotency conflict found while committing.
    ///
    /// - Parameters:
    ///   - reason: A stable snake_case code.
    ///   - message: What is wrong, as a sentence.
    ///   - fix: What to do about it, as an imperative sentence.
    ///   - issues: Problems with their own fixes; empty by default.
    public static func other(reason: String, message: String, fix: String, issues: [RequestIssue] = [])
        -> SpoolRejection
    {
        SpoolRejection(reason: reason, message: message, fix: fix, issues: issues)
    }

    /// `REASON: MESSAGE. Fix: FIX`.
    public var description: String { "\(reason): \(message). Fix: \(fix)" }
}
