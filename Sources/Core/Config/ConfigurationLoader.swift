import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads the configuration file, each partner's client secret and the profiles folder, and reports every problem at
/// once (``ConfigurationError``). Used at start-up, on reload and by `onboardd --check-config`.
///
/// Secrets: a `client_secret_file` must be a regular file that others cannot read or write (mode `0640` or
/// stricter); a credential is read from `$CREDENTIALS_DIRECTORY/<name>` (systemd's `LoadCredential[Encrypted]=`,
/// engineering notes §1.10). A secret never appears in a problem's text. Trailing newlines are trimmed.
///
/// Profiles: every `*.json` in the profiles folder, parsed by ``ProfileFile``; a profile with problems makes the
/// whole configuration invalid (a half-loaded profile set would reject requests that name the broken one).
public enum ConfigurationLoader {
    /// The largest secret or configuration file read (secrets are short; systemd credentials are capped at 1 MiB).
    static let maximumFileSize = 1 << 20

    /// Loads and checks everything.
    ///
    /// - Parameters:
    ///   - path: The configuration file.
    ///   - environment: The process environment, for `CREDENTIALS_DIRECTORY`.
    /// - Throws: ``ConfigurationError`` with every problem found.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(ConfigurationError) -> LoadedConfiguration {
        try await BlockingIOQueue.configuration.run { () -> Result<LoadedConfiguration, ConfigurationError> in
            Result { () throws(ConfigurationError) in try loadBlocking(path: path, environment: environment) }
        }.get()
    }

    static func loadBlocking(path: String, environment: [String: String]) throws(ConfigurationError) -> LoadedConfiguration {
        let data: Data
        switch readFile(path, what: "configuration file") {
        case .success(let contents): data = contents.data
        case .failure(let problem):
            throw ConfigurationError([ConfigurationProblem(location: path, problem: problem.text, fix: problem.fix ?? "create it; see packaging/onboardd.json for an example")])
        }
        let configuration = try ConfigurationParser.parse(data, path: path).get()
        var problems: [ConfigurationProblem] = []
        var secrets: [String: Secret] = [:]
        for (index, partner) in configuration.partners.enumerated() {
            switch readSecret(partner.secret, environment: environment) {
            case .success(let secret): secrets[partner.name] = secret
            case .failure(let problem):
                problems.append(ConfigurationProblem(location: "\(path): partners[\(index)] (\(partner.name))", problem: problem.text, fix: problem.fix ?? ""))
            }
        }
        let (profiles, profileProblems) = loadProfiles(directory: configuration.paths.profiles)
        problems += profileProblems
        guard problems.isEmpty else { throw ConfigurationError(problems) }
        return LoadedConfiguration(path: path, configuration: configuration, secrets: secrets, profiles: profiles)
    }

    struct FileProblem: Error {
        var text: String
        var fix: String?
    }

    /// Reads a partner's client secret.
    static func readSecret(_ source: DaemonConfiguration.SecretSource, environment: [String: String]) -> Result<Secret, FileProblem> {
        let path: String
        switch source {
        case .file(let file):
            path = file
        case .credential(let name):
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
                return .failure(FileProblem(
                    text: "its client secret is the credential \"\(name)\", but $CREDENTIALS_DIRECTORY is not set (onboardd is not running under systemd with credentials)",
                    fix: "add LoadCredentialEncrypted=\(name):/etc/credstore.encrypted/onboardd.\(name) to the unit (systemctl edit onboardd), or set client_secret_file"))
            }
            path = directory + "/" + name
        }
        let contents: (data: Data, mode: mode_t)
        switch readFile(path, what: "client secret (\(source))") {
        case .success(let read): contents = read
        case .failure(let problem): return .failure(problem)
        }
        if case .file = source, contents.mode & 0o007 != 0 {
            return .failure(FileProblem(
                text: "the client secret file \(path) can be read or written by other users (mode \(String(contents.mode & 0o777, radix: 8)))",
                fix: "restrict it: chmod 0640 \(path) (owner root, group onboardd)"))
        }
        guard var text = String(data: contents.data, encoding: .utf8) else {
            return .failure(FileProblem(text: "the client secret in \(path) is not UTF-8 text", fix: "write the secret as plain text"))
        }
        while text.last?.isNewline == true { text.removeLast() }
        guard !text.isEmpty, !text.contains(where: \.isNewline) else {
            return .failure(FileProblem(text: "the client secret in \(path) is empty or has several lines", fix: "write only the secret, on one line"))
        }
        return .success(Secret(text))
    }

    /// Reads a regular file (not through a symlink's target check: the administrator owns these paths), with its mode.
    static func readFile(_ path: String, what: String) -> Result<(data: Data, mode: mode_t), FileProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            let reason = String(cString: strerror(code))
            let fix: String? =
                switch code {
                case ENOENT: nil
                case EACCES: "make it readable by the onboardd user (group onboardd, mode 0640)"
                default: "check the file"
                }
            return .failure(FileProblem(text: "the \(what) \(path) cannot be opened: \(reason)", fix: fix))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(FileProblem(text: "the \(what) \(path) is not a regular file", fix: "point the setting at a regular file"))
        }
        guard Int(info.st_size) <= maximumFileSize else {
            return .failure(FileProblem(text: "the \(what) \(path) is larger than \(maximumFileSize) bytes", fix: "point the setting at the right file"))
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(FileProblem(text: "the \(what) \(path) cannot be read: \(String(cString: strerror(errno)))", fix: "check the file"))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > maximumFileSize {
                return .failure(FileProblem(text: "the \(what) \(path) is larger than \(maximumFileSize) bytes", fix: "point the setting at the right file"))
            }
        }
        return .success((data, info.st_mode))
    }

    /// Parses every `*.json` of the profiles folder.
    static func loadProfiles(directory: String) -> ([String: ServiceProfile], [ConfigurationProblem]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        } catch {
            return ([:], [ConfigurationProblem(
                location: directory, problem: "the profiles folder cannot be read (\(error.localizedDescription))",
                fix: "create it with at least one profile (see examples/profiles), or set paths.profiles")])
        }
        var profiles: [String: ServiceProfile] = [:]
        var problems: [ConfigurationProblem] = []
        for file in names {
            let name = String(file.dropLast(".json".count))
            let path = directory + "/" + file
            guard ProfileFile.isValidName(name) else {
                problems.append(ConfigurationProblem(location: path, problem: "\"\(name)\" is not a valid profile name", fix: "rename the file: letters, digits, '-', '_' and '.'"))
                continue
            }
            switch readFile(path, what: "profile") {
            case .failure(let problem):
                problems.append(ConfigurationProblem(location: path, problem: problem.text, fix: problem.fix ?? "check the file"))
            case .success(let contents):
                switch ProfileFile.parse(name: name, data: contents.data) {
                case .success(let profile): profiles[name] = profile
                case .failure(let failure):
                    problems += failure.problems.map { ConfigurationProblem(location: path, problem: "\($0.location): \($0.problem)", fix: $0.fix) }
                }
            }
        }
        return (profiles, problems)
    }
}
