/// The methods of onboardd's control socket: one name per operation, shared by the daemon (which dispatches on it)
/// and `onboardctl` (which calls it), so the two cannot disagree on a spelling.
///
/// Names are namespaced as engineering notes §3.5 suggests. The API only grows by adding methods and members;
/// clients ignore members they do not know. See `docs/control-protocol.md` for every method's parameters and result.
public enum ControlMethod: String, Sendable, Hashable, CaseIterable {
    /// Validates and records one JSON request or a CSV of requests: ``SubmitParams`` → ``SubmitResult``.
    case submit = "onboarding.submit"
    /// One onboarding with its steps: ``OnboardingIDParams`` → ``OnboardingDetail``.
    case get = "onboarding.get"
    /// Onboardings, newest first: ``ListParams`` → ``ListResult``.
    case list = "onboarding.list"
    /// An onboarding's events; with `follow`, streams new ones until it ends: ``LogsParams`` → ``LogsResult``.
    case logs = "onboarding.logs"
    /// Streams an onboarding's events until it ends, then returns it: ``WaitParams`` → ``OnboardingSummary``.
    case wait = "onboarding.wait"
    /// Queues a failed or cancelled onboarding again: ``OnboardingIDParams`` → ``OnboardingSummary``.
    case retry = "onboarding.retry"
    /// Cancels an onboarding before its next step: ``OnboardingIDParams`` → ``OnboardingSummary``.
    case cancel = "onboarding.cancel"
    /// Dry run of a request against the DC, read-only: ``PlanParams`` → ``PlanResult``.
    case plan = "onboarding.plan"
    /// The admin password and registration token: ``OnboardingIDParams`` → ``CredentialsResult``.
    case credentials = "onboarding.credentials"
    /// Agent install commands (they hold the registration token): ``InstallScriptParams`` → ``InstallScriptResult``.
    case installScript = "onboarding.install_script"
    /// The configured service profiles: no parameters → ``ProfileListResult``.
    case profileList = "profile.list"
    /// A profile file copied from an existing customer: ``ProfileExportParams`` → ``ProfileExportResult``.
    case profileExport = "profile.export"
    /// Version, partners, token state, scheduler counters, queue: no parameters → ``DaemonStatus``.
    case daemonStatus = "daemon.status"
    /// Re-reads the configuration file and profiles; returns when they are live: no parameters → ``ReloadResult``.
    case reload = "daemon.reload"

    /// Who may call the method (engineering notes §3.4): reading, changing state, or seeing secrets.
    public var tier: MethodTier {
        switch self {
        case .get, .list, .logs, .wait, .profileList, .daemonStatus: .read
        // `plan` only reads the DC, but it spends the partner's API budget: as much as a submission.
        case .submit, .retry, .cancel, .plan, .profileExport, .reload: .write
        case .credentials, .installScript: .credentials
        }
    }

    /// Whether a call may run longer than the per-request time limit and send notifications until it ends
    /// (`onboarding.wait`, and `onboarding.logs` with `follow`).
    public func isStreaming(_ params: [String: JSONValue]) -> Bool {
        switch self {
        case .wait: true
        case .logs: params["follow"]?.boolValue == true
        default: false
        }
    }

    /// The notification a streaming call sends for each new event: params are one ``EventEntry``.
    public static let eventNotification = "onboarding.event"

    /// The version of this protocol, returned in ``DaemonStatus/protocolVersion``.
    public static let protocolVersion = 1
}
