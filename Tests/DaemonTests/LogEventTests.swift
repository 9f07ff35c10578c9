import OnboardCore
import OnboardSystemd
import Testing

@Suite struct LogEventTests {
    @Test func everyLibraryEventHasAJournalMessageID() {
        for event in LogEvent.allCases {
            #expect(OnboardEvent(rawValue: event.rawValue) != nil, "\(event.rawValue) has no MESSAGE_ID in OnboardEvent")
        }
        #expect(LogEvent.metadataKey == OnboardEvent.metadataKey)
    }
}
