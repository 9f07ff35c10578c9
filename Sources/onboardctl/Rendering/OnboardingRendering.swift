import Foundation
import OnboardCore

/// Text for people about onboardings: the tables of `list`, `submit` and `status`, and the detail of one
/// onboarding with its steps.
///
/// Pure: everything it shows comes from its arguments, including "now" and the time zone, so tests pin both.
struct OnboardingRendering: Sendable {
    /// How times are shown.
    var time = TimeFormatting()
    /// The instant relative times (`5m ago`) are measured from.
    var now = Date()

    /// The table of `onboardctl list`: id, customer, partner, state, step, updated.
    func listTable(_ onboardings: [OnboardingSummary]) -> String {
        TextTable(
            headers: ["ID", "CUSTOMER", "PARTNER", "STATE", "STEP", "UPDATED"],
            rows: onboardings.map { summary in
                [summary.id, summary.customer, summary.partner, summary.state.rawValue, stepCell(summary), TimeFormatting.relative(summary.updatedAt, to: now)]
            }
        ).render()
    }

    /// The table of `onboardctl submit`: id, customer, state, and whether the request was new or already recorded.
    func submitTable(_ submitted: [SubmittedOnboarding]) -> String {
        TextTable(
            headers: ["ID", "CUSTOMER", "STATE", "REQUEST"],
            rows: submitted.map { entry in
                [entry.onboarding.id, entry.onboarding.customer, entry.onboarding.state.rawValue, entry.created ? "new" : "existing (same key and content)"]
            }
        ).render()
    }

    /// The table after `submit --wait`: id, customer, final state, and the reason of those that did not succeed.
    func outcomeTable(_ onboardings: [OnboardingSummary]) -> String {
        TextTable(
            headers: ["ID", "CUSTOMER", "STATE", "REASON"],
            rows: onboardings.map { summary in
                [summary.id, summary.customer, summary.state.rawValue, summary.state == .succeeded ? "" : ProgressLine.oneLine(summary.reason ?? "")]
            }
        ).render()
    }

    /// `onboardctl status` without an id: the count per state (every state, in lifecycle order), then the
    /// onboardings that have not ended.
    func overview(counts: [String: Int], active: [OnboardingSummary]) -> String {
        let known = OnboardingState.allCases.map(\.rawValue)
        let extra = counts.keys.filter { !known.contains($0) }.sorted()
        let countsLine = (known + extra).map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        var lines = ["Onboardings: " + countsLine]
        if active.isEmpty {
            lines.append("Nothing queued, running or waiting.")
        } else {
            lines.append("")
            lines.append(activeTable(active))
        }
        return lines.joined(separator: "\n")
    }

    /// The onboardings that have not ended, with what they are doing or waiting for.
    func activeTable(_ onboardings: [OnboardingSummary]) -> String {
        TextTable(
            headers: ["ID", "CUSTOMER", "PARTNER", "STATE", "STEP", "UPDATED", "NOTE"],
            rows: onboardings.map { summary in
                [
                    summary.id, summary.customer, summary.partner, summary.state.rawValue, stepCell(summary),
                    TimeFormatting.relative(summary.updatedAt, to: now), note(summary),
                ]
            }
        ).render()
    }

    /// `onboardctl status ID`: the onboarding's fields, then one row per step.
    func detail(_ detail: OnboardingDetail) -> String {
        let summary = detail.onboarding
        var fields: [(String, String)] = [
            ("customer", summary.customer),
            ("key", summary.key),
            ("partner", summary.partner),
            ("state", stateText(summary)),
        ]
        if let reason = summary.reason, summary.state != .succeeded { fields.append(("reason", ProgressLine.oneLine(reason))) }
        if let next = summary.nextAttemptAt {
            fields.append(("next attempt", "\(time.timestamp(next)) (\(TimeFormatting.relative(next, to: now)))"))
        }
        if let tenant = summary.tenantID { fields.append(("tenant id", tenant)) }
        if let user = summary.userID { fields.append(("admin user id", user)) }
        fields.append(("source", summary.source + (summary.submitterUID.map { " (uid \($0))" } ?? "")))
        fields.append(("created", "\(time.timestamp(summary.createdAt)) (\(TimeFormatting.relative(summary.createdAt, to: now)))"))
        fields.append(("updated", "\(time.timestamp(summary.updatedAt)) (\(TimeFormatting.relative(summary.updatedAt, to: now)))"))
        let width = fields.map(\.0.count).max() ?? 0
        var lines = ["Onboarding \(summary.id)"]
        lines += fields.map { "  " + ($0.0 + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + "  " + TextTable.clean($0.1) }
        lines.append("")
        lines.append(stepsTable(detail.steps))
        return lines.joined(separator: "\n")
    }

    /// One row per step: status, attempts, start, duration, and the error or the ids it obtained.
    func stepsTable(_ steps: [StepSummary]) -> String {
        TextTable(
            headers: ["STEP", "STATUS", "ATTEMPTS", "STARTED", "TOOK", "DETAIL"],
            rows: steps.map { step in
                let took: String
                if let started = step.startedAt, let finished = step.finishedAt {
                    took = TimeFormatting.duration(finished.timeIntervalSince(started))
                } else if let started = step.startedAt, step.status == "running" {
                    took = TimeFormatting.duration(now.timeIntervalSince(started)) + "…"
                } else {
                    took = ""
                }
                return [
                    step.step.rawValue, step.status, step.attempts == 0 ? "" : "\(step.attempts)", step.startedAt.map(time.timestamp) ?? "", took,
                    stepDetail(step),
                ]
            },
            rightAligned: [2]
        ).render()
    }

    /// `running (step configure_services, attempt 2)` and the like.
    func stateText(_ summary: OnboardingSummary) -> String {
        switch summary.state {
        case .succeeded: return "succeeded"
        case .queued where summary.attempt == 0: return "queued (next step \(summary.step.rawValue))"
        default:
            let attempt = summary.attempt > 1 ? ", attempt \(summary.attempt)" : ""
            return "\(summary.state.rawValue) (step \(summary.step.rawValue)\(attempt))"
        }
    }

    private func stepCell(_ summary: OnboardingSummary) -> String {
        summary.state == .succeeded ? "-" : summary.step.rawValue
    }

    private func note(_ summary: OnboardingSummary) -> String {
        var parts: [String] = []
        if let next = summary.nextAttemptAt { parts.append("next attempt \(TimeFormatting.relative(next, to: now))") }
        if let reason = summary.reason { parts.append(ProgressLine.oneLine(reason)) }
        return parts.joined(separator: ": ")
    }

    private func stepDetail(_ step: StepSummary) -> String {
        if let error = step.lastError, step.status != "succeeded" {
            return ProgressLine.oneLine(error) + (step.acronisCode.map { " (Acronis error \($0))" } ?? "")
        }
        return step.outputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
