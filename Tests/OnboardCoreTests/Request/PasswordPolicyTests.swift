import OnboardCore
import Testing

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    static let context = PasswordContext(
        login: "contoso.admin",
        email: "ann.lee@contoso.example",
        firstname: "Ann",
        lastname: "Lee",
        tenantName: "Contoso Ltd"
    )

    @Test("a long password without the user's facts has no problems")
    func strong() {
        #expect(PasswordPolicy.problems(password: "Vq7-moss-Plank-42", context: Self.context).isEmpty)
        #expect(PasswordPolicy.problems(password: "123456789", context: Self.context).isEmpty)
    }

    @Test("at least 9 characters")
    func length() {
        #expect(
            PasswordPolicy.problems(password: "Vq7-moss", context: Self.context) == ["is shorter than 9 characters"]
        )
        #expect(PasswordPolicy.problems(password: "", context: Self.context) == ["is shorter than 9 characters"])
    }

    @Test(
        "none of login, e-mail, local part, first name, last name, tenant name, ignoring case",
        arguments: [
            ("zz-CONTOSO.admin-zz", "contains the login, ignoring case"),
            ("zz-ann.lee@contoso.EXAMPLE", "contains the e-mail address, ignoring case"),
            ("zz-Ann.Lee-zzzz", "contains the e-mail address's local part (before @), ignoring case"),
            ("zz-ANNika-zzzz", "contains the first name, ignoring case"),
            ("zz-fLEEt-zzzz", "contains the last name, ignoring case"),
            ("zz-contoso ltd-zz", "contains the customer (tenant) name, ignoring case"),
        ]
    )
    func facts(password: String, problem: String) {
        let problems = PasswordPolicy.problems(password: password, context: Self.context)
        #expect(problems.contains(problem), "\(problems)")
        #expect(problems.allSatisfy { !$0.contains(password) && !$0.lowercased().contains("zz-") })
    }

    @Test("facts shorter than 3 characters, and missing names, are not checked")
    func shortFacts() {
        let problems = PasswordPolicy.problems(
            password: "Jo-xy-Vq7-moss",
            login: "xy",
            email: "jo@x.example",
            firstname: "Jo",
            lastname: nil,
            tenantName: "X"
        )
        #expect(problems.isEmpty)
    }

    @Test("control characters are refused")
    func control() {
        #expect(
            PasswordPolicy.problems(password: "Vq7-moss\nPlank", context: Self.context) == [
                "contains control characters"
            ]
        )
    }
}
