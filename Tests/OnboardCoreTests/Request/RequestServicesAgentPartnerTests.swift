import Foundation
import OnboardCore
import Testing

/// Services, agent and partner rules.
@Suite("Request services, agent and partner")
struct RequestServicesAgentPartnerTests {
    typealias F = RequestFixtures

    // MARK: Services

    @Test("services: a configured profile, or a template tenant by name or UUID")
    func servicesAccepted() throws {
        #expect(
            try F.parse(F.json(F.minimal(), [("services.profile", "standard-per-gigabyte")])).services
                == .profile("standard-per-gigabyte")
        )
        let uuid = "6f1d9a3e-1f0b-4f59-8a38-2f6c3e4f6a10"
        #expect(
            try F.parse(F.json(F.minimal(), [("services", ["template_tenant": uuid])])).services
                == .templateTenant(uuid)
        )
    }

    @Test("services: both, neither, or missing")
    func servicesShape() throws {
        let both = try #require(F.issue(at: "services", in: F.issues([("services.template_tenant", "Sample")])))
        #expect(both.problem == "has both \"profile\" and \"template_tenant\"")
        #expect(both.fix.hasPrefix("Keep exactly one"))
        let neither = try #require(F.issue(at: "services", in: F.issues([("services", [String: String]())])))
        #expect(neither.problem.contains("neither"))
        #expect(neither.fix.contains("standard-per-workload, standard-per-gigabyte"))
        let missing = try #require(F.issue(at: "services", in: F.issues([("services", nil)])))
        #expect(missing.problem == "is missing")
        #expect(missing.fix.contains("template_tenant"))
    }

    @Test("services: an unknown profile is rejected with the list of configured ones")
    func unknownProfile() throws {
        let issue = try #require(
            F.issue(at: "services.profile", in: F.issues([("services.profile", "standard-per-workloads")]))
        )
        #expect(issue.problem.contains("not a configured profile"))
        #expect(issue.fix.hasPrefix("Did you mean \"standard-per-workload\"?"))
        #expect(issue.fix.contains("standard-per-workload, standard-per-gigabyte"))
        let none = RequestValidationContext(partners: ["eu2"], profiles: [])
        let noProfiles = try #require(F.issue(at: "services.profile", in: F.issues([], context: none)))
        #expect(noProfiles.problem.contains("no profiles are configured"))
        #expect(noProfiles.fix.contains("profiles/standard-per-workload.json"))
    }

    @Test("services: a template tenant reference must be a clean name")
    func templateTenantRejected() throws {
        let issue = try #require(
            F.issue(at: "services.template_tenant", in: F.issues([("services", ["template_tenant": " Sample"])]))
        )
        #expect(issue.problem == "starts or ends with whitespace")
    }

    // MARK: Agent

    @Test(
        "agent: defaults are 3 days and all three platforms",
        arguments: [nil, [String: String]()] as [[String: String]?]
    )
    func agentDefaults(agent: [String: String]?) throws {
        let request = try F.parse(F.json(F.minimal(), [("agent", agent)]))
        #expect(request.agent.tokenValidDays == 3)
        #expect(request.agent.platforms == [.windows, .linux, .macos])
    }

    @Test("agent: token lifetime 1…365 days", arguments: [1, 3, 365])
    func tokenLifetimeAccepted(days: Int) throws {
        #expect(try F.parse(F.json(F.minimal(), [("agent.token_valid_days", days)])).agent.tokenValidDays == days)
    }

    @Test(
        "agent: token lifetime outside 1…365 or not a whole number",
        arguments: [
            (0 as any Sendable, "at least 1 day"), (-5 as any Sendable, "at least 1 day"),
            (366 as any Sendable, "at most one year (365 days)"),
            (100_000_000_000_000_000_000.0 as any Sendable, "must be a whole number"),
            (3.5 as any Sendable, "must be a whole number"),
            ("3" as any Sendable, "must be a whole number"),
        ]
    )
    func tokenLifetimeRejected(days: any Sendable, problem: String) throws {
        let issue = try #require(
            F.issue(at: "agent.token_valid_days", in: F.issues([("agent.token_valid_days", days)]))
        )
        #expect(issue.problem.contains(problem))
        #expect(issue.fix.contains("Use 1 to 365 days"))
    }

    @Test("agent: a lifetime too large for Int is out of range, not a crash")
    func hugeLifetime() throws {
        let json = F.json(F.minimal()).replacingOccurrences(
            of: "\"version\":1",
            with: "\"version\":1,\"agent\":{\"token_valid_days\":99999999999999999999999}"
        )
        let issue = try #require(F.issue(at: "agent.token_valid_days", in: F.issues(json)))
        #expect(issue.problem.contains("at most one year"))
    }

    @Test("agent: platforms are normalised to windows, linux, macos order")
    func platformsOrder() throws {
        let request = try F.parse(F.json(F.minimal(), [("agent.platforms", ["macos", "windows"])]))
        #expect(request.agent.platforms == [.windows, .macos])
    }

    @Test("agent: empty, unknown or repeated platforms")
    func platformsRejected() throws {
        let empty = try #require(F.issue(at: "agent.platforms", in: F.issues([("agent.platforms", [String]())])))
        #expect(empty.fix.contains("leave \"platforms\" out for all three"))
        let unknown = try #require(
            F.issue(at: "agent.platforms[1]", in: F.issues([("agent.platforms", ["linux", "win"])]))
        )
        #expect(unknown.fix.hasPrefix("Did you mean \"windows\"?"))
        #expect(unknown.fix.contains("windows, linux, macos"))
        let repeated = try #require(
            F.issue(at: "agent.platforms[2]", in: F.issues([("agent.platforms", ["linux", "macos", "linux"])]))
        )
        #expect(repeated.fix == "List each platform once.")
    }

    // MARK: Partner

    @Test("partner: may be left out when exactly one is configured, and is then filled in")
    func partnerFilled() throws {
        let request = try F.parse(F.json(F.minimal()))
        #expect(request.partner == "eu2")
        #expect(try F.parse(F.json(F.minimal(), [("partner", "us1")]), context: F.twoPartners).partner == "us1")
    }

    @Test("partner: missing with several configured lists them")
    func partnerMissingSeveral() throws {
        let issue = try #require(F.issue(at: "partner", in: F.issues([], context: F.twoPartners)))
        #expect(issue.problem.contains("several partner accounts are configured: eu2, us1"))
        #expect(issue.fix == "Add \"partner\" at the top level with one of: eu2, us1.")
    }

    @Test("partner: unknown lists the configured ones; none configured says so")
    func partnerUnknown() throws {
        let issue = try #require(F.issue(at: "partner", in: F.issues([("partner", "EU2")], context: F.twoPartners)))
        #expect(issue.problem.contains("\"EU2\", which is not a configured partner account"))
        #expect(issue.fix == "Did you mean \"eu2\"? Use one of the configured partner accounts: eu2, us1.")
        let none = RequestValidationContext(partners: [], profiles: ["standard-per-workload"])
        #expect(
            F.issue(at: "partner", in: F.issues([], context: none))?.problem
                == "is missing, and no partner accounts are configured"
        )
        #expect(
            F.issue(at: "partner", in: F.issues([("partner", "eu2")], context: none))?.problem
                == "is \"eu2\", but no partner accounts are configured"
        )
    }
}
