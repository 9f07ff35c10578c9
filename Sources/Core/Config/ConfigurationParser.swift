import Foundation
import Logging

/// Parses the configuration file strictly: unknown keys, wrong types and out-of-range values are all reported at
/// once, each with its key path and fix. Pure: no file is opened here (see ``ConfigurationLoader``).
public enum ConfigurationParser {
    /// Parses `data`, the text of the file at `path` (used in messages only).
    public static func parse(_ data: Data, path: String) -> Result<DaemonConfiguration, ConfigurationError> {
        let document: RequestJSONValue
        do {
            document = try RequestJSONParser.parse(data)
        } catch {
            return .failure(ConfigurationError([ConfigurationProblem(
                location: "\(path), line \(error.line) column \(error.column)", problem: "is not valid JSON: \(error.message)",
                fix: "correct the JSON syntax there (double quotes, commas between members, no trailing comma, no comments)")]))
        }
        var reader = Reader(file: path)
        let configuration = reader.configuration(document)
        return reader.problems.isEmpty ? .success(configuration) : .failure(ConfigurationError(reader.problems))
    }
}

/// Walks the document, collecting problems.
private struct Reader {
    let file: String
    var problems: [ConfigurationProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ path: String, _ problem: String, _ fix: String) {
        problems.append(ConfigurationProblem(location: path.isEmpty ? file : "\(file): \(path)", problem: problem, fix: fix))
    }

    /// The members of an object, after reporting the keys that are not in `known`.
    mutating func object(_ value: RequestJSONValue, at path: String, known: [String]) -> [String: RequestJSONValue]? {
        guard case .object(let members) = value else {
            problem(path, "is \(value.kindDescription), not an object", "write it as { … }")
            return nil
        }
        for key in members.keys.sorted() where !known.contains(key) {
            let place = path.isEmpty ? key : "\(path).\(key)"
            problem(place, "is not a known setting", "remove it or correct its spelling; the settings here are \(known.joined(separator: ", "))")
        }
        return members
    }

    mutating func string(_ value: RequestJSONValue?, at path: String) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value, !text.isEmpty else {
            problem(path, "is \(value.kindDescription == "a string" ? "empty" : value.kindDescription)", "give a non-empty string in double quotes")
            return nil
        }
        return text
    }

    mutating func absolutePath(_ value: RequestJSONValue?, at path: String) -> String? {
        guard let text = string(value, at: path) else { return nil }
        guard text.hasPrefix("/") else {
            problem(path, "\"\(text)\" is not an absolute path", "give the full path, starting with /")
            return nil
        }
        return text
    }

    mutating func number(_ value: RequestJSONValue?, at path: String, range: ClosedRange<Double>) -> Double? {
        guard let value else { return nil }
        guard case .number(let text) = value, let number = Double(text), range.contains(number) else {
            problem(path, "is \(value.kindDescription == "a number" ? "out of range" : value.kindDescription)",
                    "give a number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted())")
            return nil
        }
        return number
    }

    mutating func integer(_ value: RequestJSONValue?, at path: String, range: ClosedRange<Int>) -> Int? {
        guard let value else { return nil }
        guard let number = value.integerValue, range.contains(number) else {
            problem(path, "is \(value.kindDescription == "a number" ? "not a whole number in range" : value.kindDescription)",
                    "give a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func dataCenterURL(_ value: RequestJSONValue?, at path: String) -> URL? {
        guard let text = string(value, at: path) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host() != nil,
            url.path().isEmpty || url.path() == "/", url.query() == nil
        else {
            problem(path, "\"\(text)\" is not a data centre URL", "give the DC's base URL only, e.g. https://eu2-cloud.acronis.com")
            return nil
        }
        let isLoopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host()?.lowercased() ?? "")
        guard scheme == "https" || (scheme == "http" && isLoopback) else {
            problem(path, "\"\(text)\" does not use https", "use the https URL of the DC (plain http is only accepted on loopback, for the simulator)")
            return nil
        }
        return url
    }

    mutating func configuration(_ document: RequestJSONValue) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        let sections = ["paths", "control", "engine", "data_centers", "partners", "log_level"]
        guard let top = object(document, at: "", known: sections) else { return configuration }

        if let value = top["paths"], let paths = object(value, at: "paths", known: ["spool", "state", "socket", "profiles"]) {
            if let spool = absolutePath(paths["spool"], at: "paths.spool") { configuration.paths.spool = spool }
            if let state = absolutePath(paths["state"], at: "paths.state") { configuration.paths.state = state }
            if let socket = absolutePath(paths["socket"], at: "paths.socket") { configuration.paths.socket = socket }
            if let profiles = absolutePath(paths["profiles"], at: "paths.profiles") { configuration.paths.profiles = profiles }
        }
        if let value = top["control"], let control = object(value, at: "control", known: ["operator_group", "admin_group"]) {
            if let group = string(control["operator_group"], at: "control.operator_group") { configuration.control.operatorGroup = group }
            if case .null? = control["admin_group"] {
                configuration.control.adminGroup = nil
            } else if let group = string(control["admin_group"], at: "control.admin_group") {
                configuration.control.adminGroup = group
            }
        }
        if let value = top["engine"], let engine = object(value, at: "engine", known: ["max_concurrent_onboardings"]) {
            if let count = integer(engine["max_concurrent_onboardings"], at: "engine.max_concurrent_onboardings", range: 1...256) {
                configuration.engine.maxConcurrentOnboardings = count
            }
        }
        if let value = top["data_centers"] {
            configuration.dataCenters = dataCenters(value)
        }
        if let value = top["partners"] {
            configuration.partners = partners(value)
        } else {
            problem("partners", "is missing", "add at least one partner account: {\"name\", \"dc_url\", \"client_id\", \"client_secret_credential\" or \"client_secret_file\"}")
        }
        if let text = string(top["log_level"], at: "log_level") {
            if let level = Logger.Level(rawValue: text) {
                configuration.logLevel = level
            } else {
                problem("log_level", "\"\(text)\" is not a log level", "use one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        return configuration
    }

    mutating func dataCenters(_ value: RequestJSONValue) -> [DaemonConfiguration.DataCenter] {
        guard case .array(let entries) = value else {
            problem("data_centers", "is \(value.kindDescription), not an array", "write it as [ {\"url\": …, \"rate_per_second\": …}, … ]")
            return []
        }
        var result: [DaemonConfiguration.DataCenter] = []
        for (index, entry) in entries.enumerated() {
            let path = "data_centers[\(index)]"
            guard let members = object(entry, at: path, known: ["url", "rate_per_second", "burst", "max_in_flight"]) else { continue }
            let url = members["url"].flatMap { dataCenterURL($0, at: "\(path).url") }
            if members["url"] == nil { problem("\(path).url", "is missing", "give the DC URL these limits apply to") }
            var scheduler = RequestScheduler.Configuration()
            if let rate = number(members["rate_per_second"], at: "\(path).rate_per_second", range: 0.2...1000) {
                scheduler.rate = rate
                scheduler.minimumRate = min(scheduler.minimumRate, rate)
            }
            if let burst = integer(members["burst"], at: "\(path).burst", range: 1...1000) { scheduler.burst = burst }
            if let inFlight = integer(members["max_in_flight"], at: "\(path).max_in_flight", range: 1...256) { scheduler.maxInFlight = inFlight }
            guard let url else { continue }
            if result.contains(where: { DaemonConfiguration.sameDataCenter($0.url, url) }) {
                problem("\(path).url", "names a DC that is already listed", "keep one entry per DC")
                continue
            }
            result.append(.init(url: url, scheduler: scheduler))
        }
        return result
    }

    mutating func partners(_ value: RequestJSONValue) -> [DaemonConfiguration.Partner] {
        guard case .array(let entries) = value, !entries.isEmpty else {
            problem("partners", value.kindDescription == "an array" ? "is empty" : "is \(value.kindDescription), not an array",
                    "list at least one partner account: [ {\"name\": \"eu2\", \"dc_url\": …, \"client_id\": …} ]")
            return []
        }
        var result: [DaemonConfiguration.Partner] = []
        var names: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let path = "partners[\(index)]"
            let known = ["name", "dc_url", "client_id", "client_secret_file", "client_secret_credential"]
            guard let members = object(entry, at: path, known: known) else { continue }
            for key in ["name", "dc_url", "client_id"] where members[key] == nil {
                problem("\(path).\(key)", "is missing", "every partner needs name, dc_url and client_id")
            }
            let name = string(members["name"], at: "\(path).name")
            if let name, !Self.isValidPartnerName(name) {
                problem("\(path).name", "\"\(name)\" is not a valid partner name", "use 1–64 letters, digits, '-', '_' and '.', starting with a letter or digit")
            }
            if let name, !names.insert(name).inserted {
                problem("\(path).name", "\"\(name)\" is used by another partner", "give each partner account its own name")
            }
            let url = dataCenterURL(members["dc_url"], at: "\(path).dc_url")
            let clientID = string(members["client_id"], at: "\(path).client_id")
            var secret: DaemonConfiguration.SecretSource?
            switch (members["client_secret_file"], members["client_secret_credential"]) {
            case (.some, .some):
                problem(path, "has both client_secret_file and client_secret_credential", "keep one of them")
            case (let file?, nil):
                secret = absolutePath(file, at: "\(path).client_secret_file").map { .file($0) }
            case (nil, let credential?):
                if let credential = string(credential, at: "\(path).client_secret_credential") {
                    if credential.contains("/") || credential.hasPrefix(".") {
                        problem("\(path).client_secret_credential", "\"\(credential)\" is not a credential name", "give the name used in LoadCredential=NAME:…, without /")
                    } else {
                        secret = .credential(credential)
                    }
                }
            case (nil, nil):
                secret = name.map { .credential($0) }
            }
            if let name, Self.isValidPartnerName(name), let url, let clientID, let secret {
                result.append(.init(name: name, dataCenterURL: url, clientID: clientID, secret: secret))
            }
        }
        return result
    }

    static func isValidPartnerName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), let first = name.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "-_.".unicodeScalars.contains($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
