import Foundation
import OnboardCore
import Testing

@Suite("Request examples")
struct RequestExampleFilesTests {
    let context = RequestFixtures.context

    @Test("contoso-per-workload.json (the issue's example) parses with every field")
    func contoso() throws {
        let request = try RequestParser.parse(
            json: RequestFixtures.example("contoso-per-workload.json"),
            context: context
        )
        #expect(request.version == 1)
        #expect(request.key == "crm-4711")
        #expect(!request.keyWasDerived)
        #expect(request.partner == "eu2")
        #expect(request.customer.name == "Contoso Ltd")
        #expect(request.customer.language == "en")
        #expect(request.customer.contact.email == "it@contoso.example")
        #expect(request.customer.contact.firstname == "Ann")
        #expect(request.customer.contact.lastname == "Lee")
        #expect(request.customer.contact.phone == "+1 555 0100")
        #expect(request.services == .profile("standard-per-workload"))
        #expect(request.admin.login == "contoso.admin")
        #expect(request.admin.email == "admin@contoso.example")
        #expect(request.admin.firstname == "Ann")
        #expect(request.admin.lastname == "Lee")
        #expect(request.admin.roles == ["company_admin"])
        #expect(request.admin.activation == .password)
        #expect(request.admin.password == nil)
        #expect(request.agent.tokenValidDays == 3)
        #expect(request.agent.tokenValiditySeconds == 259_200)
        #expect(request.agent.platforms == [.windows, .linux, .macos])
    }

    @Test("fabrikam-template.json: a template tenant and e-mail activation")
    func fabrikam() throws {
        let request = try RequestParser.parse(json: RequestFixtures.example("fabrikam-template.json"), context: context)
        #expect(request.services == .templateTenant("Sample Customer (per workload)"))
        #expect(request.admin.activation == .email)
        #expect(request.admin.password == nil)
        #expect(request.admin.roles == ["company_admin"])
        #expect(request.customer.language == "de")
        #expect(request.agent.tokenValidDays == 14)
        #expect(request.agent.platforms == [.windows])
    }

    @Test("bulk.csv gives three requests in row order")
    func bulk() throws {
        let requests = try CSVRequestImporter.parse(csv: RequestFixtures.exampleText("bulk.csv"), context: context)
        #expect(requests.map(\.key) == ["crm-5001", "crm-5002", "eu2/wingtip \"west\" ltd"])
        #expect(requests[1].customer.name == "Tailspin Toys, Inc.")
        #expect(requests[1].services == .templateTenant("Sample Customer (per workload)"))
        #expect(requests[1].admin.roles == ["backup_user", "company_admin"])
        #expect(requests[1].admin.activation == .email)
        #expect(requests[2].customer.name == "Wingtip \"West\" Ltd")
        #expect(requests[2].keyWasDerived)
        #expect(requests[2].agent.platforms == AgentPlatform.allCases)
    }

    @Test(
        "invalid JSON examples are rejected at the expected paths",
        arguments: [
            ("invalid/unknown-field.json", ["customer.country", "admin.role"]),
            ("invalid/bad-login.json", ["admin.login", "admin.login"]),
            ("invalid/weak-password.json", ["admin.password", "admin.password"]),
        ]
    )
    func invalidExamples(file: String, paths: [String]) throws {
        let issues = RequestFixtures.issues(String(decoding: try RequestFixtures.example(file), as: UTF8.self))
        #expect(issues.map(\.path) == paths)
        #expect(issues.allSatisfy { !$0.fix.isEmpty })
    }

    @Test("invalid/bad-rows.csv is rejected with its row numbers")
    func invalidCSV() throws {
        let issues = RequestFixtures.csvIssues(try RequestFixtures.exampleText("invalid/bad-rows.csv"))
        #expect(issues.map(\.row) == [3, 3, 3, 4])
        #expect(issues.map(\.issue.path) == ["customer.contact.email", "admin.login", "agent.token_valid_days", "key"])
        #expect(issues[3].issue.problem.contains("row 2"))
    }

    @Test("the examples survive a Codable round trip")
    func codableRoundTrip() throws {
        for name in ["contoso-per-workload.json", "fabrikam-template.json"] {
            let request = try RequestParser.parse(json: RequestFixtures.example(name), context: context)
            let decoded = try JSONDecoder().decode(OnboardingRequest.self, from: JSONEncoder().encode(request))
            #expect(decoded == request)
            #expect(decoded.canonicalJSON() == request.canonicalJSON())
        }
    }
}
