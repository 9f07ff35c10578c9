import Foundation
import Logging
import Testing

@testable import OnboardCore

@Suite struct ConfigurationParserTests {
    private func parse(_ text: String) -> Result<DaemonConfiguration, ConfigurationError> {
        ConfigurationParser.parse(Data(text.utf8), path: "/etc/onboardd/onboardd.json")
    }

    private func problems(_ text: String) -> [ConfigurationProblem] {
        guard case .failure(let error) = parse(text) else { return [] }
        return error.problems
    }

    @Test func aMinimalFileTakesThePackagedDefaults() throws {
        let configuration = try parse(#"{"partners": [{"name": "eu2", "dc_url": "https://eu2-cloud.acronis.com", "client_id": "abc"}]}"#).get()
        #expect(configuration.paths.spool == "/var/spool/onboardd")
        #expect(configuration.paths.database == "/var/lib/onboardd/onboardd.sqlite")
        #expect(configuration.paths.socket == "/run/onboardd.sock")
        #expect(configuration.paths.profiles == "/etc/onboardd/profiles")
        #expect(configuration.control.operatorGroup == "onboard")
        #expect(configuration.control.adminGroup == "onboard-admin")
        #expect(configuration.engine.maxConcurrentOnboardings == 16)
        #expect(configuration.logLevel == .info)
        #expect(configuration.partners.map(\.secret) == [.credential("eu2")])
        #expect(configuration.schedulerConfiguration(for: URL(string: "https://eu2-cloud.acronis.com")!) == RequestScheduler.Configuration())
    }

    @Test func everySettingIsRead() throws {
        let configuration = try parse(
            """
            {
              "paths": {"spool": "/srv/spool", "state": "/srv/state", "socket": "/run/x.sock", "profiles": "/srv/profiles"},
              "control": {"operator_group": "ops", "admin_group": null},
              "engine": {"max_concurrent_onboardings": 4},
              "data_centers": [{"url": "https://eu2-cloud.acronis.com/", "rate_per_second": 2.5, "burst": 3, "max_in_flight": 2}],
              "partners": [
                {"name": "eu2", "dc_url": "https://EU2-cloud.acronis.com", "client_id": "a", "client_secret_file": "/etc/onboardd/secrets/eu2"},
                {"name": "us1", "dc_url": "https://us1-cloud.acronis.com", "client_id": "b", "client_secret_credential": "us-secret"}
              ],
              "log_level": "debug"
            }
            """
        ).get()
        #expect(configuration.paths.state == "/srv/state")
        #expect(configuration.control.operatorGroup == "ops")
        #expect(configuration.control.adminGroup == nil)
        #expect(configuration.engine.maxConcurrentOnboardings == 4)
        #expect(configuration.logLevel == .debug)
        #expect(configuration.partners.map(\.secret) == [.file("/etc/onboardd/secrets/eu2"), .credential("us-secret")])
        let eu2 = configuration.schedulerConfiguration(for: configuration.partners[0].dataCenterURL)
        #expect(eu2.rate == 2.5 && eu2.burst == 3 && eu2.maxInFlight == 2)
        #expect(configuration.schedulerConfiguration(for: configuration.partners[1].dataCenterURL) == RequestScheduler.Configuration())
    }

    @Test func everyProblemIsReportedAtOnceWithItsPath() {
        let found = problems(
            """
            {
              "paths": {"spool": "relative/spool", "colour": "blue"},
              "engine": {"max_concurrent_onboardings": 0},
              "data_centers": [{"url": "ftp://dc", "rate_per_second": 0}],
              "partners": [
                {"name": "eu2", "dc_url": "http://eu2-cloud.acronis.com", "client_id": ""},
                {"name": "eu2", "dc_url": "https://x.example", "client_id": "c", "client_secret_file": "/a", "client_secret_credential": "b"},
                {"name": "bad name", "client_id": "c"}
              ],
              "log_level": "loud"
            }
            """)
        let locations = Set(found.map { $0.location.replacingOccurrences(of: "/etc/onboardd/onboardd.json: ", with: "") })
        for expected in [
            "paths.spool", "paths.colour", "engine.max_concurrent_onboardings", "data_centers[0].url", "data_centers[0].rate_per_second",
            "partners[0].dc_url", "partners[0].client_id", "partners[1].name", "partners[1]", "partners[2].name", "partners[2].dc_url", "log_level",
        ] {
            #expect(locations.contains(expected), "no problem reported at \(expected): \(locations.sorted())")
        }
        #expect(found.allSatisfy { !$0.fix.isEmpty })
    }

    @Test func plainHTTPIsOnlyAcceptedOnLoopback() throws {
        let loopback = try parse(#"{"partners": [{"name": "sim", "dc_url": "http://127.0.0.1:8080", "client_id": "c"}]}"#).get()
        #expect(loopback.partners.first?.dataCenterURL.absoluteString == "http://127.0.0.1:8080")
        #expect(problems(#"{"partners": [{"name": "x", "dc_url": "https://dc.example/api/2", "client_id": "c"}]}"#).count == 1)
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let found = problems("{\n  \"partners\": [,]\n}")
        #expect(found.count == 1)
        #expect(found.first?.location.contains("line 2") == true)
    }

    @Test func partnersAreRequired() {
        #expect(problems("{}").map(\.location) == ["/etc/onboardd/onboardd.json: partners"])
        #expect(problems(#"{"partners": []}"#).first?.problem == "is empty")
    }

    @Test func dataCentersAreGroupedByHostIgnoringCaseAndTrailingSlash() {
        #expect(DaemonConfiguration.sameDataCenter(URL(string: "https://EU2-cloud.acronis.com/")!, URL(string: "https://eu2-cloud.acronis.com")!))
        #expect(!DaemonConfiguration.sameDataCenter(URL(string: "https://eu2-cloud.acronis.com")!, URL(string: "https://eu3-cloud.acronis.com")!))
        #expect(!DaemonConfiguration.sameDataCenter(URL(string: "http://127.0.0.1:1")!, URL(string: "http://127.0.0.1:2")!))
    }
}
