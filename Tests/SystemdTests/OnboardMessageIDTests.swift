import OnboardSystemd
import Testing

@Suite
struct OnboardMessageIDTests {
    /// The published table (README, `journalctl MESSAGE_ID=…`): these values must never change.
    @Test(arguments: [
        ("submitted", "3fa1e4694e6c46f18c402d503040af3c"),
        ("step_done", "6c07733b5e7143aaa1af642873f04b28"),
        ("succeeded", "6ba52b198a2c4caa991977ffac9ce9d0"),
        ("failed", "39f1c03885fc4138a215d931422eee0e"),
        ("rejected_file", "20b25312e7674b679e9990bda0a74aba"),
        ("token_refreshed", "9b3a6fcd64bb451fb201366dfeb39631"),
        ("rate_limited", "60180e7173644e4a904ef61de4b8b888"),
        ("daemon_started", "1a04f9d6664e4508be569582b23061f3"),
        ("daemon_stopping", "d3b0ec6991ed41d4995c3c5de6927f0c"),
        ("reloaded", "fa7f31a962614dec94ea7440bfb688d8"),
    ])
    func eventHasItsFixedID(event: String, hex: String) throws {
        let kind = try #require(OnboardEvent(rawValue: event))
        #expect(kind.messageID.hex == hex)
        #expect(OnboardMessageID(hex: hex) == kind.messageID)
    }

    @Test
    func idsAreDistinctAndWellFormed() {
        let ids = OnboardEvent.allCases.map(\.messageID)
        #expect(Set(ids).count == OnboardEvent.allCases.count)
        for id in ids {
            #expect(OnboardMessageID(hex: id.hex) != nil)
        }
    }

    @Test(arguments: ["", "3FA1E4694E6C46F18C402D503040AF3C", "3fa1e469-4e6c-46f1-8c40-2d503040af3c", "3fa1e4694e6c46f18c402d503040af3", "g" + String(repeating: "0", count: 31)])
    func malformedHexIsRejected(hex: String) {
        #expect(OnboardMessageID(hex: hex) == nil)
    }
}
