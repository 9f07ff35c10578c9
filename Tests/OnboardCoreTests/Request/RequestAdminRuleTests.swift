import Foundation
import OnboardCore
import Testing

/// Roles, activation and the admin password.
@Suite("Request admin rules")
struct RequestAdminRuleTests {
    typealias F = RequestFixtures

    @Test("roles: known ones are accepted, sorted and default to company_admin")
    func rolesAccepted() throws {
        #expect(try F.parse(F.json(F.minimal())).admin.roles == ["company_admin"])
        let request = try F.parse(
            F.json(F.minimal(), [("admin.roles", ["protection_admin", "backup_user", "omnivoice_admin"])])
        )
        #expect(request.admin.roles == ["backup_user", "omnivoice_admin", "protection_admin"])
        for role in UserRoles.known {
            #expect(try F.parse(F.json(F.minimal(), [("admin.roles", [role])])).admin.roles == [role])
        }
    }

    @Test("roles: an unknown role is rejected with the list of known ones")
    func unknownRole() throws {
        let issue = try #require(
            F.issue(at: "admin.roles[1]", in: F.issues([("admin.roles", ["company_admin", "owner"])]))
        )
        #expect(issue.problem.contains("\"owner\", which is not a known role"))
        #expect(issue.fix.contains(UserRoles.knownList))
        #expect(issue.fix.contains("omnivoice_*"))
        let typo = try #require(F.issue(at: "admin.roles[0]", in: F.issues([("admin.roles", ["company-admin"])])))
        #expect(typo.fix.hasPrefix("Did you mean \"company_admin\"?"))
        #expect(F.issues([("admin.roles", ["omnivoice_"])]).map(\.path) == ["admin.roles[0]"])
    }

    @Test("roles: empty, duplicated, or partner-only roles are rejected")
    func rolesRejected() throws {
        let empty = try #require(F.issue(at: "admin.roles", in: F.issues([("admin.roles", [String]())])))
        #expect(empty.problem == "is empty")
        #expect(empty.fix.contains("[\"company_admin\"]"))
        let duplicate = try #require(
            F.issue(at: "admin.roles[1]", in: F.issues([("admin.roles", ["backup_user", "backup_user"])]))
        )
        #expect(duplicate.fix == "List each role once.")
        for role in ["partner_admin", "root_admin"] {
            let issue = try #require(F.issue(at: "admin.roles[0]", in: F.issues([("admin.roles", [role])])))
            #expect(issue.problem.contains("a role of partner tenants"))
            #expect(issue.fix.contains("company_admin"))
        }
    }

    @Test("activation: password (default) or email")
    func activation() throws {
        #expect(try F.parse(F.json(F.minimal())).admin.activation == .password)
        #expect(try F.parse(F.json(F.minimal(), [("admin.activation", "email")])).admin.activation == .email)
        let issue = try #require(F.issue(at: "admin.activation", in: F.issues([("admin.activation", "e-mail")])))
        #expect(issue.fix.hasPrefix("Did you mean \"email\"?"))
        #expect(issue.fix.contains("\"password\"") && issue.fix.contains("\"email\""))
    }

    @Test("password: a strong password is kept as a Secret, exactly as given")
    func passwordAccepted() throws {
        let password = "Vq7-moss-Plank-42"
        let request = try F.parse(F.json(F.full(), [("admin.password", password)]))
        #expect(request.admin.password?.revealed == password)
    }

    @Test("password: together with activation email it is an error")
    func passwordWithEmailActivation() throws {
        let issues = F.issues([("admin.activation", "email"), ("admin.password", "Vq7-moss-Plank-42")])
        let issue = try #require(F.issue(at: "admin.password", in: issues))
        #expect(issue.problem.contains("\"admin.activation\" is \"email\""))
        #expect(issue.fix == "Remove \"password\" from \"admin\", or set \"activation\" to \"password\".")
        #expect(!RequestValidationError(issues: issues).description.contains("Vq7"))
    }

    @Test(
        "password: each rule of acronis-api.md §5.4, case-insensitively, never echoing the password",
        arguments: [
            ("Ab3-xyzq", "is shorter than 9 characters"),
            ("xx-CONTOSO.ADMIN-9", "contains the login"),
            ("1-Admin@Contoso.Example", "contains the e-mail address"),
            ("Q9-ADMIN-zzzz", "contains the e-mail address's local part"),
            ("annabelle-Q9-zz", "contains the first name"),
            ("q9-LEEway-zzzz", "contains the last name"),
            ("q9-contoso LTD!", "contains the customer (tenant) name"),
            ("q9-zzzz\u{7}zzzz", "contains control characters"),
        ]
    )
    func passwordRules(password: String, problem: String) throws {
        let issues = F.issues([("admin.password", password)], base: F.full())
        #expect(issues.allSatisfy { $0.path == "admin.password" })
        let issue = try #require(issues.first { $0.problem.hasPrefix(problem) }, "\(issues)")
        #expect(issue.fix.contains("at least 9 characters"))
        #expect(issue.fix.contains("leave \"password\" out"))
        let description = RequestValidationError(issues: issues).description
        #expect(!description.contains(password))
        #expect(!description.contains(password.prefix(5)))
    }

    @Test("password: several problems give several issues")
    func passwordSeveralProblems() {
        let issues = F.issues([("admin.password", "Admin!23")])
        #expect(
            issues.map(\.problem) == [
                "is shorter than 9 characters", "contains the e-mail address's local part (before @), ignoring case",
            ]
        )
    }
}
