import Testing

@testable import OnboardDaemon

@Suite struct ReadinessGateTests {
    @Test func opensOnlyWhenEveryMilestoneIsReached() async throws {
        let gate = ReadinessGate()
        #expect(gate.pending == [.socketListening, .spoolScanned])
        gate.reached(.socketListening)
        #expect(gate.pending == [.spoolScanned])
        try await confirmation(expectedCount: 1) { opened in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await gate.wait()
                    opened()
                }
                gate.reached(.spoolScanned)
                try await group.waitForAll()
            }
        }
        #expect(gate.pending.isEmpty)
        await gate.wait()  // an open gate does not block
    }
}
