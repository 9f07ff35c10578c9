import Foundation
import OnboardCore

/// Control-API values for the tests: fixed instants, a summary per state, a detail with steps.
enum Fixtures {
    /// 2025-06-01 12:00:00 UTC.
    static let noon = Date(timeIntervalSince1970: 1_748_779_200)

    /// The admin password and registration token of the credentials fixtures; no other output may contain them.
    static let password = "Pw-Secret-4711-xyz"
    static let token = "TOKEN-SECRET-ABCD-1234"

    static func summary(
        id: String = "ob_1", customer: String = "Contoso Ltd", state: OnboardingState = .running, step: OnboardingStep = .configureServices,
        attempt: Int = 1, reason: String? = nil, nextAttemptAt: Date? = nil, updatedAt: Date = noon
    ) -> OnboardingSummary {
        OnboardingSummary(
            id: id, key: "crm-4711", partner: "eu2", customer: customer, state: state, step: step, attempt: attempt, nextAttemptAt: nextAttemptAt,
            reason: reason, tenantID: "7c9e6679-7425-40de-944b-e07fc1f90ae7", userID: nil, submitterUID: 1000, source: "socket:contoso.json",
            createdAt: noon.addingTimeInterval(-300), updatedAt: updatedAt)
    }

    static func detail(id: String = "ob_1", state: OnboardingState = .running) -> OnboardingDetail {
        OnboardingDetail(
            onboarding: summary(id: id, state: state),
            steps: [
                StepSummary(
                    step: .createTenant, status: "succeeded", attempts: 1, startedAt: noon.addingTimeInterval(-290),
                    finishedAt: noon.addingTimeInterval(-288.8), outputs: ["tenant_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"], lastError: nil,
                    acronisCode: nil),
                StepSummary(
                    step: .configureServices, status: "running", attempts: 2, startedAt: noon.addingTimeInterval(-65), finishedAt: nil, outputs: [:],
                    lastError: "the DC answered 503\nretrying", acronisCode: 1015),
                .pending(.configureTenantSettings),
            ])
    }

    static func event(seq: Int64, id: String = "ob_1", kind: String, step: OnboardingStep? = nil, message: String = "") -> EventEntry {
        EventEntry(seq: seq, onboardingID: id, at: noon.addingTimeInterval(Double(seq)), kind: kind, step: step, message: message)
    }

    static func credentials(password: String? = Fixtures.password, token: String? = Fixtures.token) -> CredentialsResult {
        CredentialsResult(
            id: "ob_1", customer: "Contoso Ltd", adminLogin: "contoso.admin", adminPassword: password, passwordGenerated: true, registrationToken: token,
            registrationTokenExpiresAt: "2025-06-04T12:00:00Z")
    }

    /// The unattended script of ``instructions(_:)``: it holds the token.
    static let script = "#!/bin/sh\nset -eu\nTOKEN='\(token)'\n"

    static func instructions(_ platform: AgentPlatform) -> AgentInstallInstructions {
        AgentInstallInstructions(
            platform: platform, registrationAddress: "https://eu2-cloud.acronis.com",
            steps: [InstallStep(title: "Install and register", command: "sudo ./agent.bin -a --token=\(token)", shell: .posixShell)],
            script: InstallScript(filename: "install-agent.sh", interpreter: .posixShell, runCommand: "sudo sh install-agent.sh", contents: script),
            downloadHint: nil, warnings: ["The commands contain the registration token.", "Second warning.", "The commands contain the registration token."])
    }

    static func daemonStatus() -> DaemonStatus {
        DaemonStatus(
            version: "0.1.0", pid: 4242, startedAt: noon.addingTimeInterval(-3_723), configFile: "/etc/onboardd/onboardd.json",
            partners: [
                PartnerStatus(
                    name: "eu2", dataCenterURL: "https://eu2-cloud.acronis.com", clientID: "3f1b7a52", tokenState: "valid",
                    tokenExpiresAt: noon.addingTimeInterval(3_300), tokenError: nil,
                    scheduler: SchedulerStatus(
                        currentRate: 2.5, configuredRate: 10, inFlight: 3, queued: 12, attemptsSent: 1_234, throttledResponses: 7, retries: 9, pauses: 1,
                        pauseRemainingSeconds: 0)),
                PartnerStatus(
                    name: "us1", dataCenterURL: "https://us1-cloud.acronis.com", clientID: "9a8b", tokenState: "failed", tokenExpiresAt: nil,
                    tokenError: "401 invalid_client; check the client secret in /etc/onboardd/credentials/us1",
                    scheduler: SchedulerStatus(
                        currentRate: 10, configuredRate: 10, inFlight: 0, queued: 0, attemptsSent: 2, throttledResponses: 0, retries: 0, pauses: 0,
                        pauseRemainingSeconds: 0)),
            ],
            onboardings: ["running": 1, "succeeded": 40, "failed": 2], spoolDirectory: "/var/spool/onboardd", profiles: ["standard-per-workload"])
    }
}
