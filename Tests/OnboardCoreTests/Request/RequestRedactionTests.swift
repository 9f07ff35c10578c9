import Foundation
import OnboardCore
import Testing

/// The admin password never shows in descriptions, mirrors or errors.
@Suite("Request redaction")
struct RequestRedactionTests {
    typealias F = RequestFixtures
    static let password = "Vq7-moss-Plank-42"

    @Test("description, debugDescription, interpolation, String(reflecting:) and dump redact the password")
    func descriptions() throws {
        let request = try F.parse(F.json(F.full(), [("admin.password", Self.password)]))
        var dumped = ""
        dump(request, to: &dumped)
        var dumpedAdmin = ""
        dump(request.admin, to: &dumpedAdmin)
        let renderings = [
            request.description, request.debugDescription, "\(request)", String(reflecting: request),
            String(describing: request.admin), String(reflecting: request.admin), "\(request.admin.password!)",
            dumped, dumpedAdmin, "\([request])", "\(Optional(request) as Any)",
        ]
        for text in renderings {
            #expect(!text.contains(Self.password), "\(text)")
            #expect(!text.contains("Vq7"))
        }
        #expect(request.description.contains("password=<redacted>"))
        #expect(dumped.contains("<redacted>"))
        #expect(dumped.contains("contoso.admin"))
    }

    @Test("the description summarises the request")
    func summary() throws {
        let request = try F.parse(F.json(F.minimal()))
        #expect(
            request.description == "OnboardingRequest(v1 key=eu2/contoso ltd (derived) partner=eu2 "
                + "customer=\"Contoso Ltd\" services=profile \"standard-per-workload\" admin=contoso.admin "
                + "activation=password)"
        )
    }

    @Test("validation errors never contain the password, whatever else is wrong")
    func errors() {
        let issues = F.issues([
            ("admin.password", "Contoso"), ("admin.login", "Contoso admin"), ("customer.name", "Contoso\tLtd"),
            ("admin.pasword", "Contoso-very-secret"),
        ])
        #expect(issues.count >= 4)
        let text = RequestValidationError(issues: issues).description
        #expect(!text.contains("Contoso-very-secret"))
        #expect(!text.contains("\"Contoso\""))
    }

    @Test("CSV errors never contain the password")
    func csvErrors() {
        let csv =
            "customer_name,contact_email,profile,admin_login,admin_email,admin_password\n"
            + "Contoso Ltd,it@contoso.example,standard-per-workload,contoso.admin,admin@contoso.example,"
            + "Pw-contoso.admin\n"
            + "Fabrikam,it@fabrikam.example,standard-per-workload,fabrikam.admin,admin@fabrikam.example,Xy7.zz\n"
        let issues = F.csvIssues(csv)
        let error = CSVImportError(issues: issues)
        #expect(error.rows == [2, 3])
        let text = error.description
        #expect(!text.contains("Pw-contoso"))
        #expect(!text.contains("Xy7"))
    }
}
