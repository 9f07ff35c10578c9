import Foundation
import OnboardCore

/// The one-line text of an onboarding event while waiting for it (`wait`, `submit --wait`):
/// `Contoso Ltd: step create_tenant done: tenant created`.
///
/// The label is the customer name (or the id), so lines of several onboardings waited for at once stay apart.
enum ProgressLine {
    /// The line for `event`.
    static func text(for event: EventEntry, label: String) -> String {
        let message = oneLine(event.message)
        let detail = message.isEmpty ? "" : ": " + message
        let step = event.step.map { "step \($0.rawValue)" }
        let body: String
        switch event.kind {
        case "submitted": body = "submitted as \(event.onboardingID)" + (message.isEmpty ? "" : " (\(message))")
        case "step_started": body = "\(step ?? "step") started" + detail
        case "step_done": body = "\(step ?? "step") done" + detail
        case "step_failed": body = "\(step ?? "step") failed" + detail
        case "waiting": body = "waiting to retry" + (step.map { " \($0)" } ?? "") + detail
        case "succeeded": body = "succeeded" + detail
        case "failed": body = "FAILED" + (step.map { " at \($0)" } ?? "") + detail
        case "cancelled": body = "cancelled" + detail
        case "retried": body = "queued again" + detail
        default: body = event.kind + (step.map { " (\($0))" } ?? "") + detail
        }
        return "\(label): \(body)"
    }

    /// `text` on one line: each line break becomes `; `.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
