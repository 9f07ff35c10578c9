import Foundation
import Glibc
import Testing

@testable import OnboardCore

@Suite struct ConfigurationLoaderTests {
    /// A temp folder with a config file, a secret and a profiles folder.
    final class Fixture {
        let directory = FileManager.default.temporaryDirectory.appending(path: "config-\(UUID().uuidString)")
        var configPath: String { directory.appending(path: "onboardd.json").path }
        var secretPath: String { directory.appending(path: "eu2.secret").path }
        var profiles: URL { directory.appending(path: "profiles") }

        init(secretMode: mode_t = 0o600, secret: String = "s3cr3t-value\n") throws {
            try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
            try Data(secret.utf8).write(to: URL(filePath: secretPath))
            chmod(secretPath, secretMode)
            try Data(#"{"edition": "pck_per_workload", "items": [{"name": "pw_base_storage", "quota": "1TB"}]}"#.utf8)
                .write(to: profiles.appending(path: "basic.json"))
            try write(partner: #"{"name": "eu2", "dc_url": "https://eu2-cloud.acronis.com", "client_id": "c", "client_secret_file": "\#(secretPath)"}"#)
        }

        func write(partner: String) throws {
            try Data(#"{"paths": {"profiles": "\#(profiles.path)"}, "partners": [\#(partner)]}"#.utf8).write(to: URL(filePath: configPath))
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func loadsTheSecretAndTheProfiles() async throws {
        let fixture = try Fixture()
        let loaded = try await ConfigurationLoader.load(path: fixture.configPath, environment: [:])
        #expect(loaded.secrets["eu2"]?.revealed == "s3cr3t-value")
        #expect(loaded.profiles.keys.sorted() == ["basic"])
        #expect(loaded.validationContext == RequestValidationContext(partners: ["eu2"], profiles: ["basic"]))
        #expect(loaded.credentials(of: loaded.configuration.partners[0])?.clientSecret.revealed == "s3cr3t-value")
    }

    @Test(arguments: [0o644 as mode_t, 0o604, 0o602])
    func refusesASecretFileOthersCanReadOrWrite(mode: mode_t) async throws {
        let fixture = try Fixture(secretMode: mode)
        await #expect {
            try await ConfigurationLoader.load(path: fixture.configPath, environment: [:])
        } throws: { error in
            let text = "\(error)"
            return text.contains("chmod 0640") && !text.contains("s3cr3t-value")
        }
    }

    @Test func readsACredentialFromTheCredentialsDirectory() async throws {
        let fixture = try Fixture()
        let credentials = fixture.directory.appending(path: "creds")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try Data("from-systemd".utf8).write(to: credentials.appending(path: "eu2-secret"))
        try fixture.write(partner: #"{"name": "eu2", "dc_url": "https://eu2-cloud.acronis.com", "client_id": "c", "client_secret_credential": "eu2-secret"}"#)
        let loaded = try await ConfigurationLoader.load(path: fixture.configPath, environment: ["CREDENTIALS_DIRECTORY": credentials.path])
        #expect(loaded.secrets["eu2"]?.revealed == "from-systemd")

        await #expect {
            try await ConfigurationLoader.load(path: fixture.configPath, environment: [:])
        } throws: { error in
            "\(error)".contains("LoadCredentialEncrypted=eu2-secret")
        }
    }

    @Test func reportsAMissingFileABrokenProfileAndAnEmptySecretTogether() async throws {
        let fixture = try Fixture(secret: "\n")
        try Data("{ nope".utf8).write(to: fixture.profiles.appending(path: "broken.json"))
        await #expect {
            try await ConfigurationLoader.load(path: fixture.configPath, environment: [:])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.problems.count == 2 && "\(error)".contains("broken.json") && "\(error)".contains("empty")
        }
        await #expect {
            try await ConfigurationLoader.load(path: fixture.directory.appending(path: "missing.json").path, environment: [:])
        } throws: { error in
            "\(error)".contains("missing.json") && "\(error)".contains("packaging/onboardd.json")
        }
    }
}
