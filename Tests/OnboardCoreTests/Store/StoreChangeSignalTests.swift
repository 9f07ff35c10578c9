import Testing

@testable import OnboardCore

@Suite struct StoreChangeSignalTests {
    @Test func aWaiterReturnsOnTheNextChange() async throws {
        let signal = StoreChangeSignal()
        let version = signal.version
        async let waited: Void = signal.wait(after: version, until: .now + .seconds(30))
        // A notification sent before the waiter registered still counts: it compares versions.
        signal.notify()
        let started = ContinuousClock.now
        await waited
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(signal.version == version + 1)
    }

    @Test func aWaiterThatIsBehindReturnsAtOnce() async {
        let signal = StoreChangeSignal()
        signal.notify()
        let started = ContinuousClock.now
        await signal.wait(after: 0, until: .now + .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func theDeadlineEndsAWaitWithoutChange() async {
        let signal = StoreChangeSignal()
        let started = ContinuousClock.now
        await signal.wait(after: signal.version, until: .now + .milliseconds(50))
        #expect(ContinuousClock.now - started >= .milliseconds(50))
    }

    @Test func manyWaitersAllWake() async {
        let signal = StoreChangeSignal()
        let version = signal.version
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { await signal.wait(after: version, until: .now + .seconds(30)) }
            }
            signal.notify()
            await group.waitForAll()
        }
        #expect(signal.version == version + 1)
    }
}
