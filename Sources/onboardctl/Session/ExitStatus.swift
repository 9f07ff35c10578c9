import OnboardCore

/// The exit status of an `onboardctl` command, from `sysexits.h` where one fits, and the decisions that pick it.
///
/// | Status | Meaning |
/// |---|---|
/// | 0 | done; every waited-for onboarding succeeded; every plan is clean |
/// | 1 | an onboarding failed or was cancelled; not found; an unexpected daemon error |
/// | 64 `EX_USAGE` | bad command line or parameters |
/// | 65 `EX_DATAERR` | the request is invalid or conflicts; the state does not allow the call; a plan lists problems |
/// | 66 `EX_NOINPUT` | an input file cannot be read |
/// | 69 `EX_UNAVAILABLE` | onboardd is not running or not reachable |
/// | 73 `EX_CANTCREAT` | the output file cannot be written (or exists, without `--force`) |
/// | 75 `EX_TEMPFAIL` | onboardd is busy or did not answer in time; retry |
/// | 77 `EX_NOPERM` | not allowed: join group `onboard`, or run as root |
/// | 130 | interrupted (Ctrl-C); what was submitted keeps running in onboardd |
struct ExitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The process exit code.
    var code: Int32

    static let success = ExitStatus(code: 0)
    static let failure = ExitStatus(code: 1)
    static let usage = ExitStatus(code: 64)
    static let dataError = ExitStatus(code: 65)
    static let noInput = ExitStatus(code: 66)
    static let unavailable = ExitStatus(code: 69)
    static let cannotCreate = ExitStatus(code: 73)
    static let temporaryFailure = ExitStatus(code: 75)
    static let noPermission = ExitStatus(code: 77)
    /// 128 + `SIGINT`, as a shell reports a process ended by Ctrl-C.
    static let interrupted = ExitStatus(code: 130)

    var description: String { "exit \(code)" }

    /// The status for a control-socket error (``RPCError/exitCode``).
    static func forError(_ error: RPCError) -> ExitStatus { ExitStatus(code: error.exitCode) }

    /// The status once an onboarding has ended: 0 when it succeeded, 1 when it failed or was cancelled, or (for
    /// a state that has not ended) 1 as well, since the caller asked to wait for an end.
    static func forOutcome(_ state: OnboardingState) -> ExitStatus {
        state == .succeeded ? .success : .failure
    }

    /// The status once several onboardings have ended: 0 only if all succeeded.
    static func forOutcomes(_ states: [OnboardingState]) -> ExitStatus {
        states.allSatisfy { $0 == .succeeded } ? .success : .failure
    }

    /// The status of a dry run: 0 when every plan is clean, 65 (`EX_DATAERR`) when any lists problems.
    static func forPlans(_ plans: [PlannedRequest]) -> ExitStatus {
        plans.allSatisfy(\.plan.isClean) ? .success : .dataError
    }

    /// The first status that is not success, else success: the status of a batch (several files, several waits).
    static func first(_ statuses: [ExitStatus]) -> ExitStatus {
        statuses.first { $0 != .success } ?? .success
    }
}
