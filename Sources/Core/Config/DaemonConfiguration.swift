import Foundation
import Logging

/// onboardd's configuration file (`/etc/onboardd/onboardd.json`), parsed and checked, before any secret or profile
/// is read. ``ConfigurationParser`` builds it; ``ConfigurationLoader`` adds the secrets and profiles.
///
/// Every section but `partners` is optional; the defaults are those of the packaged system (engineering notes
/// §1.9–§1.12). Documented with an example in `docs/packaging.md` and `packaging/onboardd.json`.
public struct DaemonConfiguration: Sendable, Hashable {
    /// Where the daemon keeps and finds things.
    public struct Paths: Sendable, Hashable {
        /// The spool (drop folder) root, with `incoming/`, `processing/`, `rejected/`, `results/`.
        public var spool: String = "/var/spool/onboardd"
        /// The state folder: the SQLite database `onboardd.sqlite`.
        public var state: String = "/var/lib/onboardd"
        /// The control socket, when not inherited from `onboardd.socket`.
        public var socket: String = "/run/onboardd.sock"
        /// The folder of service profiles, `<name>.json` each.
        public var profiles: String = "/etc/onboardd/profiles"

        public init() {}

        /// The onboarding database inside ``state``.
        public var database: String { state + "/onboardd.sqlite" }
    }

    /// Who may use the control socket (on top of the socket file's own mode).
    public struct Control: Sendable, Hashable {
        /// Members may read and submit.
        public var operatorGroup: String = "onboard"
        /// Members may also read credentials (passwords, registration tokens); root always may.
        public var adminGroup: String? = "onboard-admin"

        public init() {}
    }

    /// Engine tuning.
    public struct Engine: Sendable, Hashable {
        /// Onboardings driven at the same time.
        public var maxConcurrentOnboardings: Int = 16

        public init() {}
    }

    /// The request limits for one data centre, shared by every partner account on it.
    public struct DataCenter: Sendable, Hashable {
        /// The DC URL exactly as partners name it, e.g. `https://eu2-cloud.acronis.com`.
        public var url: URL
        /// The scheduler's settings (rate, burst, in-flight cap).
        public var scheduler: RequestScheduler.Configuration

        public init(url: URL, scheduler: RequestScheduler.Configuration = .init()) {
            self.url = url
            self.scheduler = scheduler
        }
    }

    /// Where a partner's client secret is read from.
    public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
        /// A file, refused when others may read it.
        case file(String)
        /// `$CREDENTIALS_DIRECTORY/<name>`, as systemd's `LoadCredential[Encrypted]=` provides it.
        case credential(String)

        public var description: String {
            switch self {
            case .file(let path): "file \(path)"
            case .credential(let name): "credential \"\(name)\" ($CREDENTIALS_DIRECTORY/\(name))"
            }
        }
    }

    /// One partner account: the name requests use, its DC and its API client.
    public struct Partner: Sendable, Hashable {
        public var name: String
        /// The exact DC URL (install commands must use it, acronis-api.md §7).
        public var dataCenterURL: URL
        public var clientID: String
        public var secret: SecretSource

        public init(name: String, dataCenterURL: URL, clientID: String, secret: SecretSource) {
            self.name = name
            self.dataCenterURL = dataCenterURL
            self.clientID = clientID
            self.secret = secret
        }
    }

    public var paths = Paths()
    public var control = Control()
    public var engine = Engine()
    /// Limits per DC; a DC without an entry gets the scheduler's defaults (5 requests/s, burst 5, 4 in flight).
    public var dataCenters: [DataCenter] = []
    public var partners: [Partner] = []
    public var logLevel: Logger.Level = .info

    public init() {}

    /// The scheduler settings for a DC URL: its entry in ``dataCenters`` or the defaults.
    public func schedulerConfiguration(for url: URL) -> RequestScheduler.Configuration {
        dataCenters.first { Self.sameDataCenter($0.url, url) }?.scheduler ?? .init()
    }

    /// Whether two URLs name the same DC (scheme, host and port, case-insensitive; a trailing `/` ignored).
    public static func sameDataCenter(_ lhs: URL, _ rhs: URL) -> Bool {
        dataCenterKey(lhs) == dataCenterKey(rhs)
    }

    /// The key partners on one DC share a scheduler under.
    public static func dataCenterKey(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let host = url.host()?.lowercased() ?? ""
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(host)\(port)"
    }

    /// The default path of the configuration file.
    public static let defaultPath = "/etc/onboardd/onboardd.json"
}
