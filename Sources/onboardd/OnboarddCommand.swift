import ArgumentParser
import Foundation
import Logging
import OnboardCore
import OnboardDaemon
import OnboardSystemd

/// `onboardd`, the onboarding daemon: runs under systemd (`Type=notify`) or in the foreground.
///
/// Exit status: 0 after a graceful stop, 78 (`EX_CONFIG`) for a configuration problem (the unit's
/// `RestartPreventExitStatus=78` then stops restart loops), 71 (`EX_OSERR`) when the state folder, database or socket
/// cannot be set up, 1 otherwise.
@main
struct OnboarddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboardd",
        abstract: "Onboards customers onto Acronis Cyber Protect Cloud (daemon).",
        discussion: """
            Reads its configuration (partner accounts, paths, limits) from --config, watches the spool folder, serves \
            JSON-RPC on its control socket for onboardctl, and logs to journald. See README.md and docs/packaging.md.
            """,
        version: OnboardVersion.current
    )

    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "path"))
    var config: String = ProcessInfo.processInfo.environment["ONBOARDD_CONFIG"] ?? DaemonConfiguration.defaultPath

    @Flag(name: .long, help: "Check the configuration, secrets and profiles, print what is wrong, and exit 0 or 78.")
    var checkConfig = false

    @Option(name: .long, help: ArgumentHelp("Override the configuration's log_level (trace, debug, info, notice, warning, error, critical).", valueName: "level"))
    var logLevel: Logger.Level?

    func run() async throws {
        let loaded: LoadedConfiguration
        do {
            loaded = try await ConfigurationLoader.load(path: config)
        } catch {
            StandardErrorOutput.write("onboardd: \(error)\n")
            throw ExitCode(78)
        }
        if checkConfig {
            let partners = loaded.configuration.partners.map(\.name).joined(separator: ", ")
            print("configuration OK: \(config); partners: \(partners); profiles: \(loaded.profiles.keys.sorted().joined(separator: ", "))")
            return
        }
        OnboardLogging.bootstrap(logLevel: logLevel ?? loaded.configuration.logLevel)
        let logger = Logger(label: "onboardd")
        do {
            try await Daemon.run(loaded: loaded, logger: logger)
        } catch let error as DaemonStartError {
            logger.critical("cannot start: \(error)")
            throw ExitCode(71)
        } catch {
            logger.critical("stopped on an error: \(error)")
            throw ExitCode.failure
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Writes to stderr without buffering.
enum StandardErrorOutput {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
