import Foundation
import OnboardCore
import Testing

@Suite("AgentRegistrationAddress")
struct AgentRegistrationAddressTests {
    @Test(
        "accepted URLs normalise to scheme://host[:port]",
        arguments: [
            ("https://eu2-cloud.acronis.com", "https://eu2-cloud.acronis.com", false),
            ("https://eu2-cloud.acronis.com/", "https://eu2-cloud.acronis.com", false),
            ("https://eu2-cloud.acronis.com/api/2", "https://eu2-cloud.acronis.com", false),
            ("https://eu2-cloud.acronis.com/api/2/", "https://eu2-cloud.acronis.com", false),
            ("HTTPS://EU2-Cloud.Acronis.COM", "https://eu2-cloud.acronis.com", false),
            ("https://eu2-cloud.acronis.com:443", "https://eu2-cloud.acronis.com", false),
            ("https://eu2-cloud.acronis.com./", "https://eu2-cloud.acronis.com", false),
            ("https://eu2.company.cloud:8443/api/2", "https://eu2.company.cloud:8443", false),
            ("https://xn--bcher-kva.example", "https://xn--bcher-kva.example", false),
            ("https://127.0.0.1:8443", "https://127.0.0.1:8443", false),
            ("http://127.0.0.1:8443", "http://127.0.0.1:8443", true),
            ("http://127.0.0.1:80/", "http://127.0.0.1", true),
            ("http://127.1.2.3:9000", "http://127.1.2.3:9000", true),
            ("http://localhost:9000/api/2", "http://localhost:9000", true),
            ("http://[::1]:8080", "http://[::1]:8080", true),
        ]
    )
    func accepted(input: String, expected: String, plainHTTP: Bool) throws {
        let address = try AgentRegistrationAddress(try #require(URL(string: input)))
        #expect(address.string == expected)
        #expect(address.url.absoluteString == expected)
        #expect(address.description == expected)
        #expect(address.isPlainHTTPLoopback == plainHTTP)
    }

    @Test(
        "rejected URLs name the cause and the fix, and never echo credentials, paths or queries",
        arguments: [
            ("http://eu2-cloud.acronis.com", InstallCommandError.unsupportedScheme, ["plain http", "https://"]),
            ("http://127.0.0.1.evil.example", .unsupportedScheme, ["plain http", "loopback"]),
            ("http://localhost.evil.example", .unsupportedScheme, ["plain http"]),
            ("ftp://eu2-cloud.acronis.com", .unsupportedScheme, ["\"ftp\"", "https://"]),
            ("https://cloud.acronis.com", .genericLoginAddress, ["generic login address", "eu2-cloud.acronis.com"]),
            ("https://CLOUD.acronis.com./api/2", .genericLoginAddress, ["generic login address", "after login"]),
            ("http://cloud.acronis.com", .genericLoginAddress, ["generic login address"]),
            ("https://eu2-cloud.acronis.com/login", .urlHasPath, ["has a path", "https://eu2-cloud.acronis.com"]),
            ("https://eu2-cloud.acronis.com/api/2/tenants", .urlHasPath, ["has a path"]),
            ("https://eu2-cloud.acronis.com/?secret=1", .urlHasQueryOrFragment, ["query or fragment"]),
            ("https://eu2-cloud.acronis.com?", .urlHasQueryOrFragment, ["query or fragment"]),
            ("https://eu2-cloud.acronis.com/#secret", .urlHasQueryOrFragment, ["query or fragment"]),
            ("https://admin:secret@eu2-cloud.acronis.com", .urlHasCredentials, ["user name or password", "token"]),
            ("https://secret@eu2-cloud.acronis.com", .urlHasCredentials, ["user name or password"]),
            ("eu2-cloud.acronis.com", .invalidHost, ["not an absolute URL"]),
            ("https:///api/2", .invalidHost, ["no host"]),
            ("https://b%C3%BCcher.example", .invalidHost, ["xn--"]),
            ("https://eu2_cloud.acronis.com", .invalidHost, ["not a valid host name"]),
            ("https://-eu2.acronis.com", .invalidHost, ["not a valid host name"]),
            ("https://eu2..acronis.com", .invalidHost, ["not a valid host name"]),
            ("https://eu2-cloud.acronis.com:0", .invalidHost, ["port"]),
        ]
    )
    func rejected(input: String, expected: InstallCommandError, phrases: [String]) throws {
        let url = try #require(URL(string: input))
        let error = #expect(throws: expected) { try AgentRegistrationAddress(url) }
        let message = try #require(error).message
        for phrase in phrases { #expect(message.contains(phrase), "\(message)") }
        #expect(!message.contains("secret"), "\(message)")
        #expect(!message.contains("admin"), "\(message)")
        #expect(!message.contains("/login"), "\(message)")
        #expect(!message.contains("tenants"), "\(message)")
    }

    @Test("the renderer applies the same rules and reports them before the token")
    func rendererUsesTheRules() {
        #expect(throws: InstallCommandError.genericLoginAddress) {
            try AgentFixtures.render("https://cloud.acronis.com", token: "bad")
        }
        #expect(throws: InstallCommandError.unsupportedScheme) {
            try AgentFixtures.render("http://eu2-cloud.acronis.com")
        }
    }

    @Test("an error's description starts with what failed and equality ignores the message")
    func errorShape() throws {
        let error = #expect(throws: InstallCommandError.self) {
            try AgentRegistrationAddress(try #require(URL(string: "https://cloud.acronis.com")))
        }
        let caught = try #require(error)
        #expect(caught.description.hasPrefix("cannot render agent install commands: "))
        #expect(caught == .genericLoginAddress)
        #expect(caught != .urlHasPath)
        #expect(Set([caught, .genericLoginAddress]).count == 1)
    }
}
