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

    @Test func aShutdownBeforeStartUpEndedReleasesTheWaiter() async {
        let gate = ReadinessGate()
        let released = await withTaskGroup(of: Bool.self) { outer in
            outer.addTask {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await gate.wait() }
                    group.cancelAll()
                    await group.waitForAll()
                }
                return true
            }
            outer.addTask {
                try? await Task.sleep(for: .seconds(10))
                return false
            }
            let first = await outer.next() ?? false
            outer.cancelAll()
            return first
        }
        #expect(released, "a cancelled wait() did not return")
        #expect(gate.pending.count == 2)  // released by cancellation, not by the milestones
    }
}
