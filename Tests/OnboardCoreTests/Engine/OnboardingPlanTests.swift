import Foundation
import Testing

@testable import OnboardCore

@Suite("Onboarding plan: request checks, problems, JSON and text")
struct OnboardingPlanTests {
    typealias F = PlanFixture

    @Test("a given password is checked against the tenant's actual name")
    func passwordAgainstActualTenant() {
        let request = F.request(password: "Northwind-2026-long")
        #expect(RequestPlanChecks.problems(request, accountName: "eu2", tenantName: "Contoso Ltd").isEmpty)
        let problems = RequestPlanChecks.problems(request, accountName: "eu2", tenantName: "Northwind")
        #expect(problems.map(\.code) == ["password_weak"])
        #expect(problems[0].area == "admin.password")
        #expect(!problems[0].problem.contains("Northwind-2026-long"), "never the password itself")
    }

    @Test("guards: token lifetime above one year, unknown roles, another partner account")
    func guards() {
        let request = F.request(roles: ["company_admin", "root_admin"], tokenDays: 400)
        let problems = RequestPlanChecks.problems(request, accountName: "us1", tenantName: "Contoso Ltd")
        #expect(problems.map(\.code) == ["partner_mismatch", "token_lifetime_invalid", "role_unknown"])
        #expect(problems[1].problem.contains("1 to 365 days"))
    }

    @Test("a failure's message splits into problem and fix, one problem per line")
    func failureSplit() {
        let failure = StepFailure.permanent(
            "unknown_profile", "the profile \"gold\" is not configured (known: a, b); add profiles/gold.json and reload, then retry")
        let problems = PlanProblem.problems(from: failure, area: "services.profile")
        #expect(problems == [PlanProblem(
            area: "services.profile", code: "unknown_profile", problem: "the profile \"gold\" is not configured (known: a, b)",
            fix: "add profiles/gold.json and reload, then retry")])
        let two = PlanProblem.problems(from: .permanent("template_unusable", "x: one; fix one\ny: two; fix two"), area: "t")
        #expect(two.map(\.fix) == ["fix one", "fix two"])
    }

    private func examplePlan(problems: [PlanProblem] = []) throws -> OnboardingPlan {
        let services = ServicesPlanning.plan(
            source: .profile("standard-per-workload"), profile: "standard-per-workload", resolved: try F.resolved(), current: nil)
        return OnboardingPlan(
            key: "crm-4711", partner: "eu2", customerName: "Contoso Ltd",
            tenant: .create(.init(name: "Contoso Ltd", parentID: "partner", customerID: "crm-4711", internalTag: "onboard:crm-4711", language: "en")),
            services: services, admin: .create(.init(login: "contoso.admin", email: "admin@contoso.example", firstname: "Ann", lastname: "Lee")),
            roles: [.init(role: "company_admin", alreadyAssigned: false)],
            activation: .init(method: .givenPassword, email: nil, alreadyActive: false),
            registrationToken: .init(validDays: 3, expiresInSeconds: 259_200, platforms: AgentPlatform.allCases), problems: problems)
    }

    @Test("JSON round trip with flat actions and snake_case keys")
    func codable() throws {
        let plan = try examplePlan(problems: [PlanProblem(area: "admin.login", code: "login_taken", problem: "taken", fix: "another", acronisCode: 1015)])
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(OnboardingPlan.self, from: data) == plan)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tenant = try #require(object["tenant"] as? [String: Any])
        #expect(tenant["action"] as? String == "create")
        #expect(tenant["internal_tag"] as? String == "onboard:crm-4711")
        #expect((object["admin"] as? [String: Any])?["action"] as? String == "create")
        #expect((object["activation"] as? [String: Any])?["method"] as? String == "password_given")
        #expect((object["problems"] as? [[String: Any]])?.first?["acronis_code"] as? Int == 1015)
        var adopted = plan
        adopted.tenant = .adopt(.init(id: "t-1", name: "Contoso Ltd", internalTag: "onboard:crm-4711"))
        adopted.admin = .adopt(.init(id: "u-1", login: "contoso.admin", activated: true))
        #expect(try JSONDecoder().decode(OnboardingPlan.self, from: JSONEncoder().encode(adopted)) == adopted)
    }

    @Test("the text names what is created, quotas with units, the storage and why, and the problems with fixes")
    func text() throws {
        let clean = try examplePlan().humanReadable
        #expect(clean.contains("Tenant: create the customer \"Contoso Ltd\""))
        #expect(clean.contains("quota 500GiB on \"Hosted Storage\""))
        #expect(clean.contains("quota 10 + overage 2"))
        #expect(clean.contains("storage: pw_base_storage → \"Hosted Storage\""))
        #expect(clean.contains("activation: the password given in the request is set"))
        #expect(clean.contains("valid 3 days"))
        #expect(clean.hasSuffix("No problems found: the request can be submitted."))
        let blocked = try examplePlan(problems: [PlanProblem(area: "customer.name", code: "tenant_name_taken", problem: "taken", fix: "rename")])
        #expect(blocked.humanReadable.contains("1 problem would stop this onboarding:\n  1. customer.name: taken\n     fix: rename"))
    }
}
