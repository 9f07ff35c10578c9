import OnboardSystemd
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Every test that reads or writes process environment variables (`NOTIFY_SOCKET`, `WATCHDOG_*`, `LISTEN_*`).
///
/// The environment is process-global and Swift Testing runs tests in parallel, so they all live in this one
/// `.serialized` suite (the trait applies to the nested suites too), and each restores what it changed.
@Suite(.serialized)
struct EnvironmentTests {
    @Suite
    struct Notify {
        @Test
        func eachMessageArrivesAsExactText() async throws {
            let listener = try NotifySocketListener()
            let notifier = SystemdNotifier()
            try await withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                #expect(notifier.ready() == .sent)
                #expect(notifier.status("ready; 3 running,\n12 queued") == .sent)
                #expect(notifier.watchdog() == .sent)
                #expect(notifier.watchdogTrigger() == .sent)
                #expect(notifier.extendTimeout(.seconds(90)) == .sent)
                #expect(notifier.stopping() == .sent)
                #expect(notifier.send([.ready, .status("reloaded")]) == .sent)
                let messages = listener.drain()
                try #require(messages.count == 7)
                #expect(
                    messages == [
                        "READY=1",
                        "STATUS=ready; 3 running, 12 queued",
                        "WATCHDOG=1",
                        "WATCHDOG=trigger",
                        "EXTEND_TIMEOUT_USEC=90000000",
                        "STOPPING=1",
                        "READY=1\nSTATUS=reloaded",
                    ]
                )
            }
        }

        @Test
        func reloadingCarriesTheMonotonicClock() async throws {
            let listener = try NotifySocketListener()
            let notifier = SystemdNotifier()
            try await withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                let before = SystemdNotifier.monotonicMicroseconds()
                #expect(notifier.reloading() == .sent)
                let after = SystemdNotifier.monotonicMicroseconds()
                let messages = listener.drain()
                try #require(messages.count == 1)
                let lines = messages[0].split(separator: "\n").map(String.init)
                try #require(lines.count == 2)
                #expect(lines[0] == "RELOADING=1")
                #expect(lines[1].hasPrefix("MONOTONIC_USEC="))
                let stamp = try #require(UInt64(lines[1].dropFirst("MONOTONIC_USEC=".count)))
                #expect(before <= stamp && stamp <= after)

                // The stamp really is CLOCK_MONOTONIC, not the wall clock.
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                #expect(stamp <= UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000)
            }
        }

        @Test
        func withoutNotifySocketNothingIsSent() async throws {
            let listener = try NotifySocketListener()
            await withEnvironment(["NOTIFY_SOCKET": nil]) {
                #expect(SystemdNotifier().ready() == .notSupervised)
            }
            #expect(listener.drain().isEmpty)
        }
    }

    @Suite
    struct Watchdog {
        @Test
        func intervalComesFromWatchdogUsecWhenPidIsUnset() async {
            await withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": nil]) {
                let notifier = SystemdNotifier()
                #expect(notifier.watchdogInterval == .seconds(30))
                #expect(notifier.watchdogPingInterval == .seconds(15))
                // sd_watchdog_enabled(0, …) leaves the variables in place.
                #expect(environmentValue("WATCHDOG_USEC") == "30000000")
            }
        }

        @Test
        func intervalAppliesWhenPidIsOurs() async {
            await withEnvironment(["WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "\(getpid())"]) {
                #expect(SystemdNotifier().watchdogInterval == .seconds(4))
            }
        }

        @Test
        func noIntervalWhenPidIsAnotherProcess() async {
            await withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid() + 1)"]) {
                #expect(SystemdNotifier().watchdogInterval == nil)
            }
        }

        @Test
        func noIntervalWithoutWatchdogUsec() async {
            await withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
                #expect(SystemdNotifier().watchdogInterval == nil)
                #expect(SystemdNotifier().watchdogPingInterval == nil)
            }
        }
    }

    @Suite
    struct LivenessLoop {
        /// Runs the loop with a probe that answers from `script`; on the call after the script is exhausted, the
        /// probe reports "done" and waits for cancellation, so every ping of the scripted rounds has been sent.
        private func run(
            script: [ProbeStep],
            probeTimeout: Duration = .seconds(60)
        ) async throws -> [String] {
            let listener = try NotifySocketListener()
            let (done, doneContinuation) = AsyncStream<Void>.makeStream()
            let calls = Mutex(0)
            let probe: @Sendable () async -> Bool = {
                let index = calls.withLock { count in
                    defer { count += 1 }
                    return count
                }
                guard index < script.count else {
                    doneContinuation.yield()
                    await waitForCancellation()
                    return false
                }
                switch script[index] {
                case .pass: return true
                case .fail: return false
                case .hang:
                    await waitForCancellation()
                    return true  // too late: the round has already timed out
                }
            }
            await withEnvironment(["NOTIFY_SOCKET": listener.path]) {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        await SystemdNotifier().livenessLoop(
                            interval: .milliseconds(1),
                            probeTimeout: probeTimeout,
                            probe: probe
                        )
                    }
                    for await _ in done { break }
                    group.cancelAll()
                }
            }
            return listener.drain()
        }

        @Test
        func pingsOnlyWhileTheProbePasses() async throws {
            let messages = try await self.run(script: [.pass, .pass, .fail, .pass])
            #expect(messages == ["WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=trigger", "WATCHDOG=1"])
        }

        @Test
        func aProbeThatTimesOutTriggersTheWatchdog() async throws {
            let messages = try await self.run(script: [.hang, .pass], probeTimeout: .milliseconds(20))
            #expect(messages == ["WATCHDOG=trigger", "WATCHDOG=1"])
        }

        @Test
        func cancellationEndsTheLoopWithoutSending() async throws {
            let messages = try await self.run(script: [])
            #expect(messages.isEmpty)
        }
    }

    @Suite
    struct SocketActivation {
        @Test
        func notActivatedGivesNothing() async throws {
            let passed = try await withEnvironment(["LISTEN_FDS": nil, "LISTEN_PID": nil, "LISTEN_FDNAMES": nil]) {
                try ListenFDs.take()
            }
            #expect(passed.isEmpty)
        }

        @Test
        func descriptorsForAnotherProcessAreIgnoredAndVariablesUnset() async throws {
            let (passed, left) = try await withEnvironment([
                "LISTEN_FDS": "1", "LISTEN_PID": "\(getpid() + 1)", "LISTEN_FDNAMES": "onboardd",
            ]) {
                let passed = try ListenFDs.take()
                return (passed, ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"].compactMap(environmentValue))
            }
            #expect(passed.isEmpty)
            #expect(left.isEmpty)
        }

        @Test
        func malformedCountThrows() async {
            let result = await withEnvironment(["LISTEN_FDS": "many", "LISTEN_PID": "\(getpid())", "LISTEN_FDNAMES": nil]) {
                Result { () throws(SystemdError) in try ListenFDs.take() }
            }
            #expect(throws: SystemdError.self) { try result.get() }
        }
    }
}

enum ProbeStep: Sendable {
    case pass, fail, hang
}

/// Suspends until the current task is cancelled.
private func waitForCancellation() async {
    while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(3600))
    }
}
