import Foundation
import OnboardCore

/// `onboardctl daemon status` for people: the daemon, its partners with their DC, token and request scheduler,
/// the onboardings per state, the spool folder and the profiles.
struct DaemonStatusRendering: Sendable {
    /// How times are shown.
    var time = TimeFormatting()
    /// The instant relative times are measured from.
    var now = Date()

    func text(_ status: DaemonStatus) -> String {
        var lines = [
            "onboardd \(status.version) (protocol \(status.protocolVersion)), pid \(status.pid), up \(TimeFormatting.duration(now.timeIntervalSince(status.startedAt))) since \(time.timestamp(status.startedAt))",
            "  config file:  \(status.configFile)",
            "  spool folder: \(status.spoolDirectory)",
            "  profiles:     " + (status.profiles.isEmpty ? "none" : status.profiles.joined(separator: ", ")),
        ]
        let known = OnboardingState.allCases.map(\.rawValue)
        let extra = status.onboardings.keys.filter { !known.contains($0) }.sorted()
        lines.append("  onboardings:  " + (known + extra).map { "\($0) \(status.onboardings[$0] ?? 0)" }.joined(separator: ", "))
        lines.append("")
        if status.partners.isEmpty {
            lines.append("No partner accounts are configured.")
        } else {
            lines.append(partnersTable(status.partners))
            lines.append("")
            lines.append(schedulerTable(status.partners))
            for partner in status.partners {
                if let error = partner.tokenError {
                    lines.append("")
                    lines.append("\(partner.name): token error: \(ProgressLine.oneLine(error))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Partner, DC URL, API client, token state and expiry.
    func partnersTable(_ partners: [PartnerStatus]) -> String {
        TextTable(
            headers: ["PARTNER", "DC", "CLIENT ID", "TOKEN", "EXPIRES"],
            rows: partners.map { partner in
                [
                    partner.name, partner.dataCenterURL, partner.clientID, partner.tokenState,
                    partner.tokenExpiresAt.map { "\(time.timestamp($0)) (\(TimeFormatting.relative($0, to: now)))" } ?? "-",
                ]
            }
        ).render()
    }

    /// The request scheduler counters of each partner's DC.
    func schedulerTable(_ partners: [PartnerStatus]) -> String {
        TextTable(
            headers: ["PARTNER", "RATE/S", "IN FLIGHT", "QUEUED", "SENT", "THROTTLED", "RETRIES", "PAUSES", "PAUSED FOR"],
            rows: partners.map { partner in
                let scheduler = partner.scheduler
                return [
                    partner.name, "\(Self.rate(scheduler.currentRate))/\(Self.rate(scheduler.configuredRate))", "\(scheduler.inFlight)", "\(scheduler.queued)",
                    "\(scheduler.attemptsSent)", "\(scheduler.throttledResponses)", "\(scheduler.retries)", "\(scheduler.pauses)",
                    scheduler.pauseRemainingSeconds > 0 ? TimeFormatting.duration(scheduler.pauseRemainingSeconds) : "-",
                ]
            },
            rightAligned: [1, 2, 3, 4, 5, 6, 7, 8]
        ).render()
    }

    /// A rate with at most one decimal: `10`, `2.5`.
    static func rate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded))" : String(format: "%.1f", rounded)
    }
}
