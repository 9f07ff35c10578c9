import ArgumentParser
import OnboardCore
import Testing

@testable import onboardctl

@Suite("Exit status decisions")
struct ExitStatusTests {
    @Test("daemon errors map to sysexits codes")
    func errors() {
        #expect(ExitStatus.forError(.unavailable).code == 69)
        #expect(ExitStatus.forError(.invalidData).code == 65)
        #expect(ExitStatus.forError(.conflict).code == 65)
        #expect(ExitStatus.forError(.notFound).code == 1)
        #expect(ExitStatus.forError(.permissionDenied).code == 77)
        #expect(ExitStatus.forError(.busy).code == 75)
        #expect(ExitStatus.forError(.invalidParams).code == 64)
    }

    @Test("waiting ends in 0 only when every onboarding succeeded")
    func outcomes() {
        #expect(ExitStatus.forOutcome(.succeeded) == .success)
        #expect(ExitStatus.forOutcome(.failed) == .failure)
        #expect(ExitStatus.forOutcome(.cancelled) == .failure)
        #expect(ExitStatus.forOutcomes([.succeeded, .succeeded]) == .success)
        #expect(ExitStatus.forOutcomes([.succeeded, .cancelled]) == .failure)
        #expect(ExitStatus.forOutcomes([]) == .success)
    }

    @Test("a plan with problems is a data error (65); clean plans are 0")
    func plans() {
        let clean = PlannedRequest(plan: plan(problems: []), text: "")
        let blocked = PlannedRequest(
            plan: plan(problems: [PlanProblem(area: "admin.login", code: "login_taken", problem: "is taken", fix: "choose another")]), text: "")
        #expect(ExitStatus.forPlans([clean, clean]) == .success)
        #expect(ExitStatus.forPlans([clean, blocked]).code == 65)
    }

    @Test("a batch takes its first failure")
    func batch() {
        #expect(ExitStatus.first([.success, .dataError, .failure]) == .dataError)
        #expect(ExitStatus.first([.success, .success]) == .success)
    }

    @Test("argument-parser's validation errors exit 64 (EX_USAGE)")
    func usage() {
        #expect(OnboardCtl.exitCode(for: ValidationError("bad")).rawValue == 64)
        #expect(throws: (any Error).self) { try OnboardCtl.parseAsRoot(["list", "--limit", "0"]) }
    }

    private func plan(problems: [PlanProblem]) -> OnboardingPlan {
        OnboardingPlan(
            key: "k", partner: "eu2", customerName: "C", tenant: nil, services: nil, admin: nil, roles: [],
            activation: .init(method: .email, email: "a@example.com", alreadyActive: false),
            registrationToken: .init(validDays: 3, expiresInSeconds: 259_200, platforms: [.linux]), problems: problems)
    }
}
