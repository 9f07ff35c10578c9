import Foundation
import OnboardCore
import Testing

/// Key, customer name, language, contact, login and e-mail rules.
@Suite("Request field rules")
struct RequestFieldRuleTests {
    typealias F = RequestFixtures

    // MARK: Key

    @Test("key: 1–128 characters of A–Z a–z 0–9 . _ : -")
    func keyAccepted() throws {
        #expect(try F.parse(F.json(F.minimal(), [("key", "crm-4711")])).key == "crm-4711")
        #expect(try F.parse(F.json(F.minimal(), [("key", "A.b_c:D-9")])).key == "A.b_c:D-9")
        let longest = String(repeating: "k", count: 128)
        #expect(try F.parse(F.json(F.minimal(), [("key", longest)])).key == longest)
    }

    @Test(
        "key: bad characters, empty or too long",
        arguments: [
            ("crm 4711/a", "not allowed: \" \" (space), \"/\"", "e.g. \"crm-4711-a\""),
            ("", "is empty", "derived from the partner and the customer name"),
            (String(repeating: "k", count: 129), "is 129 characters long; the limit is 128", "at most 128"),
            ("kunde-ä", "not allowed: \"ä\"", "Use only A–Z, a–z, 0–9 and . _ : -"),
        ]
    )
    func keyRejected(key: String, problem: String, fix: String) throws {
        let issue = try #require(F.issue(at: "key", in: F.issues([("key", key)])))
        #expect(issue.problem.contains(problem))
        #expect(issue.fix.contains(fix))
    }

    // MARK: Customer name

    @Test("customer name: 1–255 characters, Unicode allowed, NFC-normalised")
    func customerNameAccepted() throws {
        let longest = String(repeating: "n", count: 255)
        #expect(try F.parse(F.json(F.minimal(), [("customer.name", longest)])).customer.name == longest)
        #expect(
            try F.parse(F.json(F.minimal(), [("customer.name", "Ærø Bäckerei & Söhne")])).customer.name
                == "Ærø Bäckerei & Söhne"
        )
        let decomposed = "Cafe\u{301}"
        let request = try F.parse(F.json(F.minimal(), [("customer.name", decomposed)]))
        #expect(request.customer.name.unicodeScalars.count == 4)
    }

    @Test(
        "customer name: empty, too long, surrounding whitespace, control characters",
        arguments: [
            ("", "is empty", "Give the customer name"),
            ("   ", "contains only whitespace", "Give the customer name"),
            (String(repeating: "n", count: 256), "is 256 characters long; the limit is 255", "Shorten"),
            (" Contoso Ltd ", "starts or ends with whitespace", "write \"Contoso Ltd\""),
            ("Contoso\nLtd", "contains control characters", "on one line"),
            ("Contoso\tLtd", "contains control characters", "on one line"),
        ]
    )
    func customerNameRejected(name: String, problem: String, fix: String) throws {
        let issue = try #require(F.issue(at: "customer.name", in: F.issues([("customer.name", name)])))
        #expect(issue.problem.contains(problem))
        #expect(issue.fix.contains(fix))
    }

    // MARK: Language

    @Test("language: codes such as en, de, pt-BR are accepted", arguments: ["en", "de", "pt-BR", "zh-TW", "fil"])
    func languageAccepted(code: String) throws {
        #expect(try F.parse(F.json(F.minimal(), [("customer.language", code)])).customer.language == code)
    }

    @Test(
        "language: anything else is rejected, with the corrected spelling when there is one",
        arguments: [
            ("EN", "Write \"en\"."), ("pt-br", "Write \"pt-BR\"."), ("pt_BR", "Write \"pt-BR\"."),
            ("english", "such as \"en\""), ("e", "such as \"en\""), ("en-GBR", "such as \"en\""),
            ("", "such as \"en\""),
        ]
    )
    func languageRejected(code: String, fix: String) throws {
        let issue = try #require(F.issue(at: "customer.language", in: F.issues([("customer.language", code)])))
        #expect(issue.problem.contains("not a language code"))
        #expect(issue.fix.contains(fix))
    }

    // MARK: Contact

    @Test("contact: names and phone are optional, and checked when present")
    func contact() throws {
        let request = try F.parse(
            F.json(
                F.minimal(),
                [
                    ("customer.contact.firstname", "Ann"), ("customer.contact.lastname", "Lee"),
                    ("customer.contact.phone", "+1 (555) 0100 ext. 12"),
                ]
            )
        )
        #expect(request.customer.contact.phone == "+1 (555) 0100 ext. 12")
        #expect(request.customer.contact.firstname == "Ann")
        let issues = F.issues([
            ("customer.contact.firstname", ""), ("customer.contact.lastname", "Lee\n"),
            ("customer.contact.phone", "call us"),
        ])
        #expect(
            issues.map(\.path) == [
                "customer.contact.firstname", "customer.contact.lastname",
                "customer.contact.lastname", "customer.contact.phone",
            ]
        )
        #expect(issues[0].fix.contains("or leave the field out"))
        #expect(issues[3].problem == "contains no digit")
        #expect(issues[3].fix.contains("+1 555 0100"))
    }

    // MARK: Login

    @Test("login: ASCII letters, digits and . _ - + @, starting with a letter or digit, up to 64")
    func loginAccepted() throws {
        for login in [
            "contoso.admin", "a", "9lives", "Ann.Lee_2-x+tag@contoso.example", String(repeating: "a", count: 64),
        ] {
            #expect(try F.parse(F.json(F.minimal(), [("admin.login", login)])).admin.login == login)
        }
    }

    @Test(
        "login: anything else is rejected with the rule in the fix",
        arguments: [
            ("contoso admin", "not allowed: \" \" (space)"),
            ("jürgen", "not allowed: \"ü\""),
            ("admin!", "not allowed: \"!\""),
            (".admin", "must start with a letter or a digit"),
            ("_admin", "must start with a letter or a digit"),
            ("", "is empty"),
            (String(repeating: "a", count: 65), "is 65 characters long; the limit is 64"),
        ]
    )
    func loginRejected(login: String, problem: String) throws {
        let issue = try #require(F.issue(at: "admin.login", in: F.issues([("admin.login", login)])))
        #expect(issue.problem.contains(problem))
        #expect(issue.fix.contains("ASCII letters, digits and . _ - + @") || issue.fix.contains("at most 64"))
    }

    // MARK: E-mail

    @Test("e-mail: pragmatic syntax, accepted forms")
    func emailAccepted() throws {
        for email in [
            "it@contoso.example", "first.last+tag@mail.contoso.co.uk", "o'brien@xn--bcher-kva.example",
            "anna@bücher.example",
        ] {
            #expect(try F.parse(F.json(F.minimal(), [("admin.email", email)])).admin.email == email)
        }
    }

    @Test(
        "e-mail: rejected forms, both for the admin and the contact",
        arguments: [
            ("it.contoso.example", "has no \"@\""),
            ("it@@contoso.example", "has more than one \"@\""),
            ("@contoso.example", "has nothing before the \"@\""),
            ("it@", "has nothing after the \"@\""),
            ("it@contoso", "not a domain name"),
            ("it@contoso..example", "not a domain name"),
            ("it@-contoso.example", "not a domain name"),
            ("it@contoso.example.", "not a domain name"),
            ("it @contoso.example", "contains whitespace"),
            ("Ann Lee <it@contoso.example>", "contains whitespace"),
            ("it@contoso.example,ops@contoso.example", "more than one"),
            (String(repeating: "a", count: 243) + "@contoso.example", "the limit is 254"),
            ("", "is empty"),
        ]
    )
    func emailRejected(email: String, problem: String) throws {
        for path in ["admin.email", "customer.contact.email"] {
            let issue = try #require(F.issue(at: path, in: F.issues([(path, email)])))
            #expect(issue.problem.contains(problem))
            #expect(issue.fix.contains("\"it@contoso.example\""))
        }
    }
}
