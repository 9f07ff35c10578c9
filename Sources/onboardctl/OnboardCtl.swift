import ArgumentParser
import OnboardCore

/// `onboardctl`, the control CLI of `onboardd`: submits onboarding requests, shows and follows onboardings, hands
/// out credentials and agent install commands, and reports on the daemon.
///
/// Every command talks to the daemon's control socket (JSON-RPC 2.0, `docs/control-protocol.md`) through
/// ``ControlSession``; results go to standard output (tables, or JSON with `--json`), messages and errors to standard
/// error, and the exit status follows `sysexits.h` (``ExitStatus``).
@main
struct OnboardCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboardctl",
        abstract: "Controls onboardd: submit onboarding requests and follow them.",
        discussion: """
            Talks to onboardd over its control socket (--socket, $ONBOARDCTL_SOCKET, else /run/onboardd.sock). \
            Members of group onboard may read and submit; credentials need root or the admin group.

            Exit status: 0 done (and every waited-for onboarding succeeded, every plan clean); 1 an onboarding \
            failed or was cancelled, or not found; 64 usage; 65 invalid request or a plan with problems; 66 an \
            input file cannot be read; 69 onboardd not running; 73 the output file cannot be written; 75 onboardd \
            busy or too slow, retry; 77 permission denied; 130 interrupted.
            """,
        version: OnboardVersion.current,
        subcommands: [
            SubmitCommand.self, StatusCommand.self, ListCommand.self, LogsCommand.self, WaitCommand.self, RetryCommand.self,
            CancelCommand.self, PlanCommand.self, CredentialsCommand.self, InstallScriptCommand.self, ProfileCommand.self,
            DaemonCommand.self, ReloadCommand.self,
        ]
    )

    /// `--socket` and `--json` given before the subcommand (`onboardctl --socket PATH status`); the subcommands
    /// declare the same group, so they may come after it too, and the value parsed here is the one they see.
    @OptionGroup var global: GlobalOptions
}
