import Foundation
import OnboardCore
import Testing

/// Unknown fields, types, missing fields, JSON syntax, and collecting every issue.
@Suite("Request structure")
struct RequestStructureTests {
    typealias F = RequestFixtures

    @Test(
        "an unknown field anywhere is named with its path, and the fix lists the allowed fields",
        arguments: [
            ("colour", "version"),
            ("customer.country", "contact, language, name"),
            ("customer.contact.mobile", "email, firstname, lastname, phone"),
            ("services.edition", "profile, template_tenant"),
            ("admin.group", "activation, email, firstname, lastname, login, password, roles"),
            ("agent.os", "platforms, token_valid_days"),
        ]
    )
    func unknownField(path: String, allowed: String) throws {
        let issues = F.issues([(path, "x")], base: F.full())
        let issue = try #require(F.issue(at: path, in: issues))
        #expect(issue.problem.contains("is not a field of"))
        #expect(issue.fix.contains(allowed))
        #expect(issue.fix.contains("remove it"))
    }

    @Test("an unknown field close to a known one gets a suggestion")
    func unknownFieldSuggestion() throws {
        let issue = try #require(F.issue(at: "admin.role", in: F.issues([("admin.role", "company_admin")])))
        #expect(issue.fix.hasPrefix("Did you mean \"roles\"?"))
        let tokenIssue = try #require(
            F.issue(at: "agent.token_valid_day", in: F.issues([("agent.token_valid_day", 3)]))
        )
        #expect(tokenIssue.fix.contains("\"token_valid_days\""))
    }

    @Test("the value of an unknown field is never quoted (it may be a misspelt password)")
    func unknownFieldValueNotQuoted() throws {
        let issues = F.issues([("admin.pasword", "Tr0ub4dor&3-horse")])
        let issue = try #require(F.issue(at: "admin.pasword", in: issues))
        #expect(issue.fix.contains("\"password\""))
        #expect(!String(describing: RequestValidationError(issues: issues)).contains("Tr0ub4dor"))
    }

    @Test(
        "wrong types are reported with the expected type",
        arguments: [
            ("version", "1" as any Sendable, "must be the number 1"),
            ("key", 4711 as any Sendable, "must be a string"),
            ("partner", ["eu2"] as any Sendable, "must be a string"),
            ("customer", "Contoso" as any Sendable, "must be an object"),
            ("customer.name", 42 as any Sendable, "must be a string"),
            ("customer.contact", "it@contoso.example" as any Sendable, "must be an object"),
            ("services", "standard-per-workload" as any Sendable, "must be an object"),
            ("admin.login", true as any Sendable, "must be a string"),
            ("admin.roles", "company_admin" as any Sendable, "must be a list"),
            ("admin.activation", false as any Sendable, "must be a string"),
            ("agent", [3] as any Sendable, "must be an object"),
            ("agent.token_valid_days", "3" as any Sendable, "must be a whole number"),
            ("agent.platforms", "windows" as any Sendable, "must be a list"),
        ]
    )
    func wrongType(path: String, value: any Sendable, problem: String) throws {
        let issue = try #require(F.issue(at: path, in: F.issues([(path, value)])))
        #expect(issue.problem.contains(problem))
        #expect(!issue.fix.isEmpty)
    }

    @Test("a password of the wrong type is reported without its value")
    func passwordWrongType() throws {
        let issue = try #require(F.issue(at: "admin.password", in: F.issues([("admin.password", 918_273_645)])))
        #expect(issue.problem == "must be a string, not a number")
        #expect(!issue.description.contains("918273645"))
    }

    @Test(
        "missing required fields are named, and the fix shows what to add",
        arguments: [
            ("version", "Add \"version\": 1 at the top level"),
            ("customer", "Add \"customer\":"),
            ("customer.name", "Add \"name\": \"Contoso Ltd\" to \"customer\""),
            ("customer.contact", "Add \"contact\":"),
            ("customer.contact.email", "Add \"email\":"),
            ("services", "Add \"services\""),
            ("admin", "Add \"admin\":"),
            ("admin.login", "Add \"login\": \"contoso.admin\" to \"admin\""),
            ("admin.email", "Add \"email\":"),
        ]
    )
    func missing(path: String, fix: String) throws {
        let issue = try #require(F.issue(at: path, in: F.issues([(path, nil)])))
        #expect(issue.problem.contains("missing"))
        #expect(issue.fix.contains(fix))
    }

    @Test("null counts as absent: optional fields take their defaults, required ones are missing")
    func nullIsAbsent() throws {
        let request = try F.parse(
            F.json(
                F.minimal(),
                [
                    ("key", NSNull()), ("customer.language", NSNull()), ("admin.roles", NSNull()), ("agent", NSNull()),
                    ("admin.password", NSNull()),
                ]
            )
        )
        #expect(request.keyWasDerived)
        #expect(request.customer.language == "en")
        #expect(request.admin.roles == ["company_admin"])
        #expect(request.agent.tokenValidDays == 3)
        let issue = try #require(F.issue(at: "admin.login", in: F.issues([("admin.login", NSNull())])))
        #expect(issue.problem == "is missing")
    }

    @Test("version must be 1")
    func version() throws {
        let issue = try #require(F.issue(at: "version", in: F.issues([("version", 2)])))
        #expect(issue.problem.contains("is 2"))
        #expect(issue.fix.contains("set \"version\" to 1"))
    }

    @Test("a syntax error is reported alone, with line and column, and without quoting the document")
    func syntaxError() throws {
        let json = "{\n  \"version\": 1,\n  \"admin\": {\"password\": \"Sup3r-Secret-x\",},\n}"
        let issues = F.issues(json)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.path == "admin")
        #expect(issue.problem.contains("line 3, column 42"))
        #expect(issue.fix.contains("line 3, column 42"))
        #expect(!issue.description.contains("Sup3r"))
    }

    @Test("a stray character inside the password's value is not quoted")
    func syntaxErrorInPassword() throws {
        let issues = F.issues("{\"admin\": {\"password\": Zebra}}")
        #expect(issues.count == 1)
        #expect(issues[0].path == "admin.password")
        #expect(!issues[0].description.contains("\"Z\""))
    }

    @Test(
        "JSON that is not one object, or that is malformed, is rejected",
        arguments: [
            "[]", "\"request\"", "", "{", "{\"version\": 01}", "{\"version\": 1} {}", "{'version': 1}",
            "{\"a\": \"\\x\"}", "{\"a\": \"\\ud800\"}", "{\"a\": tru}",
        ]
    )
    func malformed(json: String) {
        let issues = F.issues(json)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "" || issues.first?.path == "a" || issues.first?.path == "version")
    }

    @Test("a member that appears twice is an error at its path")
    func duplicateMember() throws {
        let json = "{\"version\": 1, \"admin\": {\"login\": \"a\", \"login\": \"b\"}}"
        let issues = F.issues(json)
        #expect(issues.map(\.path) == ["admin.login"])
        #expect(issues[0].problem.contains("appears more than once"))
    }

    @Test("invalid UTF-8 and oversized documents are rejected")
    func bytes() {
        #expect(throws: RequestValidationError.self) {
            try RequestParser.parse(json: Data([0x7B, 0xFF, 0x7D]), context: F.context)
        }
        #expect(throws: RequestValidationError.self) {
            try RequestParser.parse(json: Data(count: RequestParser.maximumDocumentSize + 1), context: F.context)
        }
    }

    @Test("a byte order mark and escapes are accepted")
    func bomAndEscapes() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(F.json(F.minimal(), [("customer.name", "Caf\u{E9} \u{1F600}")]).utf8))
        let request = try RequestParser.parse(json: data, context: F.context)
        #expect(request.customer.name == "Caf\u{E9} \u{1F600}")
        let escaped = try F.parse(
            F.json(F.minimal()).replacingOccurrences(of: "Contoso Ltd", with: "Caf\\u00e9 \\ud83d\\ude00")
        )
        #expect(escaped.customer.name == "Caf\u{E9} \u{1F600}")
    }

    @Test("every issue is collected, in field order, not just the first")
    func collectsAll() throws {
        let issues = F.issues([
            ("version", 7), ("key", "has space"), ("customer.name", " Contoso"), ("customer.language", "english"),
            ("customer.contact.email", "it-at-contoso"), ("services.profile", "gold"), ("admin.login", "-admin"),
            ("admin.email", "a@b"), ("admin.roles", ["owner"]), ("admin.activation", "sms"),
            ("agent.token_valid_days", 400), ("agent.platforms", ["windows", "windows"]), ("extra", 1),
        ])
        #expect(
            issues.map(\.path) == [
                "extra", "version", "key", "customer.name", "customer.language", "customer.contact.email",
                "services.profile", "admin.login", "admin.email", "admin.roles[0]", "admin.activation",
                "agent.token_valid_days", "agent.platforms[1]",
            ]
        )
        let error = RequestValidationError(issues: issues)
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == issues.count + 1)
        #expect(lines[0] == "invalid onboarding request (13 problems):")
        #expect(
            lines[1]
                == "  extra: is not a field of the request. Fix: Correct its name or remove it. "
                + "The fields of the request are: admin, agent, customer, key, partner, services, version."
        )
    }
}
