import Foundation
import OnboardCore
import Testing

@testable import onboardctl

@Suite("Progress and log lines")
struct ProgressLineTests {
    @Test(
        "each event kind reads as a sentence about the customer",
        arguments: [
            ("step_done", OnboardingStep.createTenant, "tenant created", "Contoso Ltd: step create_tenant done: tenant created"),
            ("step_started", .configureServices, "", "Contoso Ltd: step configure_services started"),
            ("step_failed", .createAdmin, "login taken", "Contoso Ltd: step create_admin failed: login taken"),
            ("waiting", .configureServices, "DC busy (503)", "Contoso Ltd: waiting to retry step configure_services: DC busy (503)"),
            ("failed", .createAdmin, "login taken", "Contoso Ltd: FAILED at step create_admin: login taken"),
            ("succeeded", .verify, "", "Contoso Ltd: succeeded"),
            ("recovered", .createTenant, "after restart", "Contoso Ltd: recovered (step create_tenant): after restart"),
        ] as [(String, OnboardingStep, String, String)])
    func kinds(kind: String, step: OnboardingStep, message: String, line: String) {
        let event = Fixtures.event(seq: 1, kind: kind, step: step, message: message)
        #expect(ProgressLine.text(for: event, label: "Contoso Ltd") == line)
    }

    @Test("submitted names the id; multi-line messages stay on one line")
    func submittedAndMultiline() {
        #expect(ProgressLine.text(for: Fixtures.event(seq: 1, id: "ob_9", kind: "submitted"), label: "X") == "X: submitted as ob_9")
        let event = Fixtures.event(seq: 2, kind: "failed", message: "first problem\n  second problem\n")
        #expect(ProgressLine.text(for: event, label: "X") == "X: FAILED: first problem; second problem")
    }

    @Test("log lines have fixed-width columns so that followed lines line up")
    func eventLines() throws {
        let lines = EventLine(time: TimeFormatting(timeZone: try #require(TimeZone(identifier: "UTC"))))
        let started = lines.text(for: Fixtures.event(seq: 1, kind: "step_started", step: .createTenant, message: "creating"))
        let done = lines.text(for: Fixtures.event(seq: 2, kind: "succeeded", message: "all done"))
        #expect(started == "2025-06-01 12:00:01  step_started  create_tenant              creating")
        #expect(done == "2025-06-01 12:00:02  succeeded     -                          all done")
        #expect(started.range(of: "creating")?.lowerBound.utf16Offset(in: started) == done.range(of: "all done")?.lowerBound.utf16Offset(in: done))
        #expect(!lines.text(for: Fixtures.event(seq: 3, kind: "note")).hasSuffix(" "))
    }
}
