import Logging
import OnboardSystemd
import Testing

@Suite
struct JournalFieldsTests {
    private func event(
        _ message: Logger.Message,
        level: Logger.Level = .info,
        metadata: Logger.Metadata? = nil,
        error: (any Error)? = nil
    ) -> LogEvent {
        LogEvent(
            level: level,
            message: message,
            error: error,
            metadata: metadata,
            source: nil,
            file: "OnboardCore/Engine.swift",
            function: "run(_:)",
            line: 42
        )
    }

    @Test
    func aSucceededOnboardingBecomesTheseFieldsExactly() {
        let record = LogRecord(
            event: self.event(
                "onboarding succeeded",
                level: .notice,
                metadata: [
                    "event": "succeeded",
                    "onboarding.id": "0193f1b2",
                    "onboarding.customer": "Acme Ltd",
                    "onboarding.step": "create-user",
                    "dc.url": "https://eu2-cloud.acronis.com",
                ]
            ),
            label: "onboardd.engine"
        )
        #expect(
            JournalFields.make(for: record, identifier: "onboardd") == [
                "MESSAGE=onboarding succeeded",
                "PRIORITY=5",
                "MESSAGE_ID=6ba52b198a2c4caa991977ffac9ce9d0",
                "CODE_FILE=OnboardCore/Engine.swift",
                "CODE_LINE=42",
                "CODE_FUNC=run(_:)",
                "SYSLOG_IDENTIFIER=onboardd",
                "ONBOARDD_LOGGER=onboardd.engine",
                "ONBOARDD_EVENT=succeeded",
                "ONBOARDD_DC_URL=https://eu2-cloud.acronis.com",
                "ONBOARDD_CUSTOMER=Acme Ltd",
                "ONBOARDD_ONBOARDING_ID=0193f1b2",
                "ONBOARDD_STEP=create-user",
            ]
        )
    }

    @Test(arguments: OnboardEvent.allCases)
    func eachEventKindCarriesItsMessageID(kind: OnboardEvent) {
        let record = LogRecord(
            event: self.event("x", metadata: [OnboardEvent.metadataKey: kind.metadataValue]),
            label: "l"
        )
        let fields = JournalFields.make(for: record, identifier: "onboardd")
        #expect(fields.filter { $0.hasPrefix("MESSAGE_ID=") } == ["MESSAGE_ID=\(kind.messageID.hex)"])
        #expect(fields.filter { $0.hasPrefix("ONBOARDD_EVENT=") } == ["ONBOARDD_EVENT=\(kind.rawValue)"])
    }

    @Test
    func unknownEventHasNoMessageIDButIsKept() {
        let record = LogRecord(event: self.event("x", metadata: ["event": "mystery"]), label: "l")
        let fields = JournalFields.make(for: record, identifier: "onboardd")
        #expect(!fields.contains { $0.hasPrefix("MESSAGE_ID=") })
        #expect(fields.contains("ONBOARDD_EVENT=mystery"))
    }

    @Test
    func noEventNoMessageID() {
        let fields = JournalFields.make(for: LogRecord(event: self.event("plain"), label: "l"), identifier: "o")
        #expect(!fields.contains { $0.hasPrefix("MESSAGE_ID=") || $0.hasPrefix("ONBOARDD_EVENT=") })
    }

    @Test
    func metadataPrecedenceIsHandlerThenProviderThenCall() {
        let record = LogRecord(
            event: self.event("x", metadata: ["onboarding.step": "call"]),
            label: "l",
            handlerMetadata: ["onboarding.step": "handler", "onboarding.id": "h", "partner": "p"],
            providerMetadata: ["onboarding.step": "provider", "onboarding.id": "provider"]
        )
        let fields = JournalFields.make(for: record, identifier: "o")
        #expect(fields.contains("ONBOARDD_STEP=call"))
        #expect(fields.contains("ONBOARDD_ONBOARDING_ID=provider"))
        #expect(fields.contains("ONBOARDD_PARTNER=p"))
    }

    @Test
    func valuesAreRendered() {
        let record = LogRecord(
            event: self.event(
                "x",
                metadata: ["count": .stringConvertible(3), "ids": ["a", "b"], "dc": ["name": "eu2", "region": "eu"]]
            ),
            label: "l"
        )
        let fields = JournalFields.make(for: record, identifier: "o")
        #expect(fields.contains("ONBOARDD_COUNT=3"))
        #expect(fields.contains("ONBOARDD_IDS=[a, b]"))
        #expect(fields.contains("ONBOARDD_DC=[name: eu2, region: eu]"))
    }

    @Test
    func errorAndMultiLineMessage() {
        struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
        let record = LogRecord(event: self.event("first\nsecond", level: .error, error: Boom()), label: "l")
        let fields = JournalFields.make(for: record, identifier: "o")
        #expect(fields.first == "MESSAGE=first\nsecond")  // sd_journal_sendv serializes newlines itself
        #expect(fields.contains("PRIORITY=3"))
        #expect(fields.contains("ONBOARDD_ERROR=boom"))
    }

    @Test
    func everyFieldNameIsValidAndNeverTrustedOrUnit() {
        let record = LogRecord(
            event: self.event(
                "x",
                metadata: ["_SYSTEMD_UNIT": "evil", "UNIT": "evil", "unit": "u", "_pid": "1", "": "empty", "ü": "u"]
            ),
            label: "l"
        )
        for field in JournalFields.make(for: record, identifier: "o") {
            let name = String(field.prefix { $0 != "=" })
            #expect(JournalFieldName.isValid(name), "\(name)")
            #expect(!name.hasPrefix("_"))
            #expect(name != "UNIT")
        }
    }
}
