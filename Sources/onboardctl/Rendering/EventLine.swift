import Foundation
import OnboardCore

/// One event of `onboardctl logs`: time, kind, step and message in fixed-width columns, so that lines printed one
/// by one while following still line up.
///
/// ```
/// 2025-06-01 14:03:22  step_started  create_tenant              creating the customer tenant
/// ```
struct EventLine: Sendable {
    /// How times are shown.
    var time = TimeFormatting()

    /// The width of the kind column (`step_started`, the longest kind).
    static let kindWidth = 12
    /// The width of the step column (`configure_tenant_settings`, the longest step).
    static let stepWidth = OnboardingStep.allCases.map(\.rawValue.count).max() ?? 25

    /// The line for `event`, without trailing spaces.
    func text(for event: EventEntry) -> String {
        let kind = event.kind.padding(toLength: max(event.kind.count, Self.kindWidth), withPad: " ", startingAt: 0)
        let stepName = event.step?.rawValue ?? "-"
        let step = stepName.padding(toLength: max(stepName.count, Self.stepWidth), withPad: " ", startingAt: 0)
        var line = "\(time.timestamp(event.at))  \(kind)  \(step)  \(ProgressLine.oneLine(event.message))"
        while line.last == " " { line.removeLast() }
        return line
    }
}
