import Logging
import OnboardSystemd
import Testing

@Suite
struct StderrLogHandlerTests {
    private func record(
        _ level: Logger.Level = .info,
        _ message: Logger.Message,
        metadata: Logger.Metadata? = nil,
        error: (any Error)? = nil
    ) -> LogRecord {
        LogRecord(
            event: LogEvent(
                level: level,
                message: message,
                error: error,
                metadata: metadata,
                source: nil,
                file: "F.swift",
                function: "f()",
                line: 1
            ),
            label: "onboardd"
        )
    }

    @Test
    func priorityPrefixEventThenSortedMetadata() {
        let line = StderrLogHandler.line(
            for: self.record(
                .notice,
                "onboarding succeeded",
                metadata: ["onboarding.id": "42", "event": "succeeded", "onboarding.customer": "Acme Ltd"]
            )
        )
        #expect(line == #"<5>onboarding succeeded event=succeeded onboarding.customer="Acme Ltd" onboarding.id=42"#)
    }

    @Test(arguments: [(Logger.Level.trace, "<7>"), (.debug, "<7>"), (.info, "<6>"), (.notice, "<5>"),
                      (.warning, "<4>"), (.error, "<3>"), (.critical, "<2>")])
    func prefixPerLevel(level: Logger.Level, prefix: String) {
        #expect(StderrLogHandler.line(for: self.record(level, "m")) == "\(prefix)m")
    }

    @Test
    func oneLinePerEntryWithQuotingAndEscapes() {
        struct Boom: Error, CustomStringConvertible { var description: String { "HTTP 503" } }
        let line = StderrLogHandler.line(
            for: self.record(
                .error,
                "step failed\nretrying",
                metadata: ["path": #"C:\x"#, "empty": "", "quote": #"say "hi""#, "eq": "a=b", "nl": "a\nb"],
                error: Boom()
            )
        )
        #expect(!line.contains("\n"))
        #expect(
            line
                == #"<3>step failed\nretrying empty="" eq="a=b" nl="a\nb" path="C:\\x" quote="say \"hi\"" error="HTTP 503""#
        )
    }
}
