import Foundation
import Logging
import OnboardCore
import OnboardSystemd
import ServiceLifecycle
import UnixSignals

/// onboardd assembled: configuration, store, engine, spool, control socket and systemd, run as one `ServiceGroup`.
///
/// Start-up order (engineering notes §6.6): the configuration is loaded and the database opened and migrated before
/// any service starts; then the services start in the order result files → engine → spool intake → SIGHUP reload →
/// control socket → systemd notifier. `READY=1` waits for the socket to listen and the spool to be scanned.
/// Shutdown (`SIGTERM`, `SIGINT`) runs in reverse: `STOPPING=1` first, the socket closes, the spool stops, the engine
/// drains (running steps finish; whatever the deadline cuts short resumes at the next start), result files last.
public enum Daemon {
    /// How long graceful shutdown may take before the remaining services are cancelled; below the unit's
    /// `TimeoutStopSec=30s` (engineering notes §1.13).
    public static let gracefulShutdownLimit: Duration = .seconds(20)

    /// Runs the daemon until `SIGTERM` or `SIGINT`.
    ///
    /// - Parameters:
    ///   - loaded: The checked configuration.
    ///   - logger: The daemon's logger.
    /// - Throws: ``DaemonStartError`` when the state folder, database or socket cannot be set up.
    public static func run(loaded: LoadedConfiguration, logger: Logger) async throws {
        let paths = loaded.configuration.paths
        do {
            try FileManager.default.createDirectory(atPath: paths.state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        } catch {
            throw DaemonStartError("cannot create the state folder \(paths.state) (\(error.localizedDescription)); create it, owned by the onboardd user")
        }
        let store: OnboardingStore
        do {
            store = try await OnboardingStore.open(path: paths.database)
        } catch {
            throw DaemonStartError("cannot open the database \(paths.database) (\(error)); check the state folder's owner and free space")
        }
        let notifier = SystemdNotifier()
        let runtime = DaemonRuntime(loaded: loaded, store: store, logger: logger)
        let reloader = ConfigurationReloader(runtime: runtime, notifier: notifier, logger: logger)
        let gate = ReadinessGate()
        let control = ControlSocketServer(
            configuration: .init(endpoint: try controlEndpoint(loaded.configuration, logger: logger)),
            handler: ControlMethods(runtime: runtime, reloader: reloader, logger: logger),
            policy: ControlAccessPolicy(operatorGroup: loaded.configuration.control.operatorGroup, adminGroup: loaded.configuration.control.adminGroup),
            logger: logger)
        let layout = SpoolLayout(root: paths.spool)
        let services: [any Service] = [
            SpoolResultService(store: store, layout: layout, logger: logger),
            EngineService(engine: runtime.engine),
            SpoolIntakeService(runtime: runtime, layout: layout, gate: gate, logger: logger),
            HangupReloadService(reloader: reloader),
            ControlSocketService(server: control, gate: gate),
            SystemdNotifierService(runtime: runtime, gate: gate, notifier: notifier, logger: logger),
        ]
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = gracefulShutdownLimit
        configuration.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: configuration).run()
        await store.database.close()
        logger.notice("onboardd stopped")
    }

    /// The inherited socket of `onboardd.socket` if systemd passed one (named `onboardd`, or the only AF_UNIX stream
    /// listener), else the configured path.
    static func controlEndpoint(_ configuration: DaemonConfiguration, logger: Logger) throws -> ControlSocketEndpoint {
        let passed: [ListenFDs.Descriptor]
        do {
            passed = try ListenFDs.take()
        } catch {
            logger.warning("ignoring malformed socket-activation variables (\(error)); binding \(configuration.paths.socket)")
            passed = []
        }
        let listeners = passed.filter(\.isUnixStreamListener)
        if let chosen = listeners.first(where: { $0.name == "onboardd" || $0.name == "onboardd.socket" }) ?? (listeners.count == 1 ? listeners.first : nil) {
            logger.info("using the control socket passed by systemd", metadata: ["fd": "\(chosen.fileDescriptor)", "name": "\(chosen.name)"])
            return .inheritedDescriptor(chosen.fileDescriptor)
        }
        if !passed.isEmpty {
            logger.warning("ignoring \(passed.count) descriptor(s) passed by systemd: none is the control socket; binding \(configuration.paths.socket)")
        }
        let group = configuration.control.operatorGroup
        return .path(configuration.paths.socket, mode: 0o660, group: SystemGroupMembershipResolver.groupID(named: group) == nil ? nil : group)
    }
}

/// The daemon could not start: the message names the cause and the fix.
public struct DaemonStartError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
