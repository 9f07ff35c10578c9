import Foundation
import OnboardCore
import Testing

/// Defaults, the derived key, and the canonical JSON form.
@Suite("Request normalisation")
struct RequestNormalisationTests {
    typealias F = RequestFixtures

    @Test("defaults are filled in")
    func defaults() throws {
        let request = try F.parse(F.json(F.minimal()))
        #expect(request.version == 1)
        #expect(request.partner == "eu2")
        #expect(request.customer.language == "en")
        #expect(request.customer.contact.firstname == nil)
        #expect(request.admin.roles == ["company_admin"])
        #expect(request.admin.activation == .password)
        #expect(request.admin.password == nil)
        #expect(request.agent.tokenValidDays == 3)
        #expect(request.agent.platforms == [.windows, .linux, .macos])
        #expect(request.keyWasDerived)
        #expect(request.key == "eu2/contoso ltd")
    }

    @Test("a request with defaults left out equals one that spells them out")
    func defaultsEqualExplicit() throws {
        let implicit = try F.parse(F.json(F.minimal()))
        let explicit = try F.parse(
            F.json(
                F.minimal(),
                [
                    ("partner", "eu2"), ("customer.language", "en"), ("admin.roles", ["company_admin"]),
                    ("admin.activation", "password"),
                    ("agent", ["token_valid_days": 3, "platforms": ["windows", "linux", "macos"]]),
                ]
            )
        )
        #expect(implicit == explicit)
        #expect(implicit.canonicalJSON() == explicit.canonicalJSON())
    }

    @Test("the derived key is partner/name, lower-cased, whitespace collapsed")
    func derivedKey() {
        #expect(OnboardingRequest.derivedKey(partner: "eu2", customerName: "Contoso Ltd") == "eu2/contoso ltd")
        #expect(
            OnboardingRequest.derivedKey(partner: "EU2", customerName: "  CONTOSO \u{A0}\u{3000} ltd ")
                == "eu2/contoso ltd"
        )
        #expect(
            OnboardingRequest.derivedKey(partner: "eu2", customerName: "Caf\u{E9}")
                == OnboardingRequest.derivedKey(partner: "eu2", customerName: "Cafe\u{301}")
        )
        #expect(OnboardingRequest.derivedKey(partner: "eu2", customerName: "Straße GmbH") == "eu2/straße gmbh")
    }

    @Test("the derived key is stable and insensitive to case and spacing of the customer name")
    func derivedKeyFromRequests() throws {
        let names = ["Contoso Ltd", "CONTOSO LTD", "contoso    ltd", "Contoso\u{A0}Ltd"]
        let keys = try names.map { try F.parse(F.json(F.minimal(), [("customer.name", $0)])).key }
        #expect(Set(keys) == ["eu2/contoso ltd"])
        // A derived key contains "/", which a given key cannot: the two kinds never collide.
        #expect(F.issues([("key", "eu2/contoso ltd")]).map(\.path) == ["key"])
    }

    @Test("canonical JSON is the same whatever the member order, whitespace and escapes")
    func canonicalStable() throws {
        let compact = try F.parse(F.json(F.full()))
        let pretty = try RequestParser.parse(json: F.example("contoso-per-workload.json"), context: F.context)
        let escaped = try F.parse(
            F.json(F.full()).replacingOccurrences(of: "Contoso Ltd", with: "\\u0043ontoso\\u0020Ltd")
                .replacingOccurrences(of: "standard-per-workload", with: "standard\\u002dper-workload")
        )
        let reordered = """
            {"agent":{"platforms":["macos","linux","windows"],"token_valid_days":3},"admin":{"activation":"password",
             "roles":["company_admin"],"lastname":"Lee","firstname":"Ann","email":"admin@contoso.example",
             "login":"contoso.admin"},"services":{"profile":"standard-per-workload"},"customer":{"contact":{
             "phone":"+1 555 0100","lastname":"Lee","firstname":"Ann","email":"it@contoso.example"},"language":"en",
             "name":"Contoso Ltd"},"partner":"eu2","key":"crm-4711","version":1}
            """
        let canonical = compact.canonicalJSON()
        #expect(pretty.canonicalJSON() == canonical)
        #expect(escaped.canonicalJSON() == canonical)
        #expect(try F.parse(reordered).canonicalJSON() == canonical)
    }

    @Test("canonical JSON has a fixed, documented form")
    func canonicalGolden() throws {
        let request = try RequestParser.parse(json: F.example("contoso-per-workload.json"), context: F.context)
        #expect(
            request.canonicalJSON() == #"""
                {"admin":{"activation":"password","email":"admin@contoso.example","firstname":"Ann","lastname":"Lee",\#
                "login":"contoso.admin","roles":["company_admin"]},"agent":{"platforms":["windows","linux","macos"],\#
                "token_valid_days":3},"customer":{"contact":{"email":"it@contoso.example","firstname":"Ann",\#
                "lastname":"Lee","phone":"+1 555 0100"},"language":"en","name":"Contoso Ltd"},"key":"crm-4711",\#
                "key_was_derived":false,"partner":"eu2","services":{"profile":"standard-per-workload"},"version":1}
                """#
        )
    }

    @Test("canonical JSON escapes only quotes, backslashes and control characters")
    func canonicalEscaping() throws {
        let request = try F.parse(F.json(F.minimal(), [("customer.name", "Caf\u{E9} \"Zur/Post\" \\ Ltd")]))
        #expect(request.canonicalJSON().contains(#""name":"Café \"Zur/Post\" \\ Ltd""#))
    }

    @Test("canonical JSON differs when the content differs, and includes the password")
    func canonicalDiffers() throws {
        let base = try F.parse(F.json(F.full()))
        let otherDays = try F.parse(F.json(F.full(), [("agent.token_valid_days", 4)]))
        let otherCase = try F.parse(F.json(F.full(), [("customer.name", "CONTOSO LTD")]))
        let withPassword = try F.parse(F.json(F.full(), [("admin.password", "Vq7-moss-Plank-42")]))
        #expect(base.canonicalJSON() != otherDays.canonicalJSON())
        #expect(base.canonicalJSON() != otherCase.canonicalJSON())
        #expect(withPassword.canonicalJSON().contains(#""password":"Vq7-moss-Plank-42""#))
    }

    @Test("a request decoded from its Codable form keeps the password")
    func codablePassword() throws {
        let request = try F.parse(F.json(F.full(), [("admin.password", "Vq7-moss-Plank-42")]))
        let data = try JSONEncoder().encode(request)
        let decoded = try JSONDecoder().decode(OnboardingRequest.self, from: data)
        #expect(decoded.admin.password?.revealed == "Vq7-moss-Plank-42")
        #expect(decoded == request)
    }
}
