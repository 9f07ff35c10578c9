import Logging

/// Sets up swift-log for onboardd: journald when stderr is the journal, stderr with `<N>` prefixes otherwise.
public enum OnboardLogging {
    /// Where log lines go.
    public enum Destination: Sendable, Hashable {
        /// Structured entries through `sd_journal_sendv` (``JournalLogHandler``).
        case journal
        /// `<N>`-prefixed lines on stderr (``StderrLogHandler``).
        case standardError
    }

    /// ``Destination/journal`` when `$JOURNAL_STREAM` matches `fstat(2)` of fd 2 (engineering.md §1.7), else
    /// ``Destination/standardError``.
    public static func detectDestination() -> Destination {
        JournalStream.standardErrorIsJournal() ? .journal : .standardError
    }

    /// A handler for the destination.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - identifier: The journal's `SYSLOG_IDENTIFIER`. Defaults to `onboardd`.
    ///   - destination: Where to write.
    ///   - logLevel: The handler's level. Defaults to `info`.
    ///   - metadataProvider: Contextual metadata. Defaults to none.
    public static func makeHandler(
        label: String,
        identifier: String = "onboardd",
        destination: Destination,
        logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil
    ) -> any LogHandler {
        switch destination {
        case .journal:
            var handler = JournalLogHandler(label: label, identifier: identifier, metadataProvider: metadataProvider)
            handler.logLevel = logLevel
            return handler
        case .standardError:
            var handler = StderrLogHandler(label: label, metadataProvider: metadataProvider)
            handler.logLevel = logLevel
            return handler
        }
    }

    /// Calls `LoggingSystem.bootstrap` once for the process with the onboard handlers.
    ///
    /// - Parameters:
    ///   - identifier: The journal's `SYSLOG_IDENTIFIER`. Defaults to `onboardd`.
    ///   - logLevel: The level of every logger. Defaults to `info`.
    ///   - destination: Where to write. Defaults to ``detectDestination()``.
    ///   - metadataProvider: Contextual metadata, e.g. task-local onboarding ids. Defaults to none.
    /// - Returns: The destination chosen.
    /// - Important: `LoggingSystem.bootstrap` traps when called twice; call this once, in `main`, never in tests.
    @discardableResult
    public static func bootstrap(
        identifier: String = "onboardd",
        logLevel: Logger.Level = .info,
        destination: Destination? = nil,
        metadataProvider: Logger.MetadataProvider? = nil
    ) -> Destination {
        let chosen = destination ?? self.detectDestination()
        LoggingSystem.bootstrap(
            { label, provider in
                self.makeHandler(
                    label: label,
                    identifier: identifier,
                    destination: chosen,
                    logLevel: logLevel,
                    metadataProvider: provider
                )
            },
            metadataProvider: metadataProvider
        )
        return chosen
    }
}
