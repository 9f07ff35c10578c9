import Foundation
import Glibc
import Testing

/// The three real binaries together: `onboard-dcsim`, `onboardd` and `onboardctl`, as an operator runs them.
@Suite(.serialized) struct DaemonEndToEndTests {
    @Test func spoolAndCLISubmissionsSucceedAndShowTheirResults() async throws {
        try await withDaemon { daemon in
            try daemon.drop(exampleRequest(customer: "Spool Customer", login: "spool.admin"), as: "spool-customer.json", owner: 65534)
            let file = daemon.directory.appending(path: "cli.json")
            try Data(exampleRequest(customer: "CLI Customer", login: "cli.admin").utf8).write(to: file)

            let submitted = try await daemon.ctl(["submit", file.path, "--wait"])
            #expect(submitted.status == 0, "\(submitted)")
            #expect(submitted.stdout.contains("CLI Customer") || submitted.stderr.contains("CLI Customer"), "\(submitted)")

            let list = try await daemon.ctlJSON(["list"])
            let onboardings = try #require(list["onboardings"] as? [[String: Any]])
            #expect(Set(onboardings.compactMap { $0["customer"] as? String }) == ["Spool Customer", "CLI Customer"])
            let spoolID = try #require(onboardings.first { $0["customer"] as? String == "Spool Customer" }?["id"] as? String)
            try await waitUntil("the spool onboarding to succeed", within: .seconds(30)) { try await daemon.state(of: spoolID) == "succeeded" }
            // The file's owner is recorded as the submitter; the CLI submission is the caller's uid (root here).
            let submitters = Dictionary(uniqueKeysWithValues: onboardings.compactMap { entry in
                (entry["customer"] as? String).map { ($0, entry["submitter_uid"] as? Int) }
            })
            #expect(submitters["Spool Customer"] == 65534)
            #expect(submitters["CLI Customer"] == 0)

            // The result file says where things are, and holds no secret.
            let resultURL = daemon.spool.appending(path: "results/spool-customer.json")
            try await waitUntil("the result file to say succeeded") {
                let text = (try? String(contentsOf: resultURL, encoding: .utf8)) ?? ""
                return text.contains("\"state\" : \"succeeded\"")
            }
            let credentials = try await daemon.ctlJSON(["credentials", spoolID])
            let password = try #require(credentials["admin_password"] as? String)
            let token = try #require(credentials["registration_token"] as? String)
            let resultText = try String(contentsOf: resultURL, encoding: .utf8)
            #expect(!resultText.contains(password) && !resultText.contains(token))
            #expect(resultText.contains(spoolID))
            #expect(!daemon.log.contains(password) && !daemon.log.contains(token), "a secret reached the log")

            let linux = try await daemon.ctl(["install-script", spoolID, "--os", "linux"])
            #expect(linux.status == 0, "\(linux)")
            #expect(linux.stdout.contains(token) && linux.stdout.contains(daemon.simulator.baseURL.absoluteString))

            // Exactly the two customers exist in the DC.
            #expect(try await daemon.simulator.tenants(named: "Spool Customer").count == 1)
            #expect(try await daemon.simulator.tenants(named: "CLI Customer").count == 1)
        }
    }

    @Test func badFilesAreQuarantinedWithTheirReasonWhileGoodOnesSucceed() async throws {
        try await withDaemon { daemon in
            let incoming = daemon.spool.appending(path: "incoming")
            try daemon.drop("{ \"version\": 1, ", as: "broken.json")
            try daemon.drop(#"{"version": 1, "partner": "eu2"}"#, as: "incomplete.json")
            try daemon.drop(String(repeating: " ", count: (1 << 20) + 10) + "{}", as: "huge.json")
            try daemon.drop(exampleRequest(customer: "Unknown Partner Ltd", login: "up.admin").replacingOccurrences(of: "\"eu2\"", with: "\"nowhere\""), as: "partner.json")
            let target = daemon.directory.appending(path: "outside.json")
            try Data(exampleRequest(customer: "Symlinked", login: "sym.admin").utf8).write(to: target)
            #expect(symlink(target.path, incoming.appending(path: "link.json").path) == 0)
            #expect(mkfifo(incoming.appending(path: "pipe.json").path, 0o644) == 0)
            try daemon.drop(exampleRequest(customer: "Good Batch Ltd", login: "good.admin"), as: "good.json")

            let expected = [
                "broken.json": "validation_failed", "incomplete.json": "validation_failed", "huge.json": "too_large",
                "partner.json": "validation_failed", "link.json": "symlink", "pipe.json": "not_regular_file",
            ]
            let rejected = daemon.spool.appending(path: "rejected")
            // A report is written before its file moves, so wait for both: reports there, incoming/ empty.
            try await waitUntil("every file to leave incoming/ and every bad one to have its report", within: .seconds(20)) {
                let left = try FileManager.default.contentsOfDirectory(atPath: incoming.path).filter { !$0.hasPrefix(".") }
                return left.isEmpty
                    && expected.keys.allSatisfy { FileManager.default.fileExists(atPath: rejected.appending(path: "\($0).error.json").path) }
            }
            for (name, reason) in expected {
                let report = try JSONSerialization.jsonObject(with: Data(contentsOf: rejected.appending(path: "\(name).error.json"))) as? [String: Any]
                #expect(report?["reason"] as? String == reason, "\(name): \(report ?? [:])")
                #expect((report?["fix"] as? String)?.isEmpty == false, "\(name) has no fix")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: rejected.path).filter { !$0.hasSuffix(".error.json") }.sorted() == expected.keys.sorted())

            let list = try await daemon.ctlJSON(["list"])
            let onboardings = try #require(list["onboardings"] as? [[String: Any]])
            #expect(onboardings.compactMap { $0["customer"] as? String } == ["Good Batch Ltd"])
            let id = try #require(onboardings.first?["id"] as? String)
            try await waitUntil("the good file's onboarding to succeed", within: .seconds(30)) { try await daemon.state(of: id) == "succeeded" }
        }
    }

    @Test func aUserOutsideTheOperatorGroupIsRefused() async throws {
        try await withDaemon { daemon in
            // The socket file is 0660: another user cannot even connect.
            let denied = try await daemon.ctl(["list"], user: 65534)
            #expect(denied.status == 77, "\(denied)")
            // With the file opened to everyone, the daemon's own check (SO_PEERCRED) refuses and names the group.
            #expect(chmod(daemon.socketPath, 0o666) == 0)
            let refused = try await daemon.ctl(["list"], user: 65534)
            #expect(refused.status == 77, "\(refused)")
            #expect(refused.stderr.contains("onboard"), "\(refused)")
            // Root may.
            let allowed = try await daemon.ctl(["list"])
            #expect(allowed.status == 0, "\(allowed)")
        }
    }

    @Test func aKilledDaemonResumesWithoutDuplicates() async throws {
        // Slow DC responses so the kill lands in the middle of the onboarding.
        try await withDaemon(simulatorArguments: ["--latency-ms", "150"]) { daemon in
            let file = daemon.directory.appending(path: "crash.json")
            try Data(exampleRequest(customer: "Crash Test Ltd", login: "crash.admin").utf8).write(to: file)
            let submitted = try await daemon.ctlJSON(["submit", file.path])
            let id = try #require((submitted["onboardings"] as? [[String: Any]])?.first.flatMap { ($0["onboarding"] as? [String: Any])?["id"] as? String })
            try await waitUntil("the tenant to exist", within: .seconds(30)) {
                let detail = try await daemon.ctlJSON(["status", id])
                return (detail["onboarding"] as? [String: Any])?["tenant_id"] is String
            }
            try await daemon.kill9()
            try await daemon.start()
            try await waitUntil("the onboarding to succeed after the restart", within: .seconds(60)) { try await daemon.state(of: id) == "succeeded" }

            #expect(try await daemon.simulator.tenants(named: "Crash Test Ltd").count == 1)
            #expect(try await daemon.simulator.users(login: "crash.admin").count == 1)
        }
    }

    @Test func sigtermStopsGracefullyAndTheWorkResumes() async throws {
        try await withDaemon(simulatorArguments: ["--latency-ms", "150"]) { daemon in
            let file = daemon.directory.appending(path: "term.json")
            try Data(exampleRequest(customer: "Term Ltd", login: "term.admin").utf8).write(to: file)
            let submitted = try await daemon.ctlJSON(["submit", file.path])
            let id = try #require((submitted["onboardings"] as? [[String: Any]])?.first.flatMap { ($0["onboarding"] as? [String: Any])?["id"] as? String })
            try await waitUntil("the onboarding to be running", within: .seconds(30)) { try await daemon.state(of: id) == "running" }

            let status = try await daemon.terminate(within: .seconds(25))
            #expect(status == 0)
            #expect(daemon.notify.has("STOPPING=1"))
            #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the socket file was left behind")

            try await daemon.start()
            try await waitUntil("the onboarding to succeed after the restart", within: .seconds(60)) { try await daemon.state(of: id) == "succeeded" }
            #expect(try await daemon.simulator.tenants(named: "Term Ltd").count == 1)
            #expect(try await daemon.simulator.users(login: "term.admin").count == 1)
        }
    }

    @Test func systemdHearsReadyStatusWatchdogAndStopping() async throws {
        try await withDaemon(environment: ["WATCHDOG_USEC": "400000"]) { daemon in
            #expect(daemon.notify.has("READY=1"))
            try await waitUntil("a STATUS= line with counts") { daemon.notify.messages.contains { $0.hasPrefix("STATUS=ready;") && $0.contains("queued") } }
            try await waitUntil("two watchdog pings") { daemon.notify.messages.filter { $0 == "WATCHDOG=1" }.count >= 2 }
            #expect(!daemon.notify.has("WATCHDOG=trigger"))
            try await daemon.terminate()
            #expect(daemon.notify.has("STOPPING=1"))
            let messages = daemon.notify.messages
            let ready = try #require(messages.firstIndex(of: "READY=1"))
            let stopping = try #require(messages.firstIndex(of: "STOPPING=1"))
            #expect(ready < stopping)
        }
    }

    @Test func readCommandsPrintJSONWithASchemaVersion() async throws {
        try await withDaemon { daemon in
            let file = daemon.directory.appending(path: "json.json")
            try Data(exampleRequest(customer: "Json Ltd", login: "json.admin").utf8).write(to: file)
            let submitted = try await daemon.ctl(["submit", file.path, "--wait", "--json"])
            #expect(submitted.status == 0, "\(submitted)")
            let id = try #require(try await daemon.ctlJSON(["list"])["onboardings"].flatMap { ($0 as? [[String: Any]])?.first?["id"] as? String })
            for command in [["status", id], ["status"], ["list"], ["list", "--state", "succeeded"], ["logs", id], ["wait", id], ["daemon", "status"],
                            ["profile", "list"], ["credentials", id]] {
                let output = try await daemon.ctlJSON(command)
                #expect(output["schema"] as? Int == 1, "\(command): \(output)")
            }
            let logs = try await daemon.ctlJSON(["logs", id])
            let kinds = (logs["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            #expect(kinds.first == "submitted" && kinds.last == "succeeded", "\(kinds)")
        }
    }

    @Test func missingDaemonAndUnknownIDsGiveTheirExitCodes() async throws {
        try await withDaemon { daemon in
            let unknown = try await daemon.ctl(["status", "no-such-id"])
            #expect(unknown.status == 1 && unknown.stderr.contains("no-such-id"), "\(unknown)")
            let invalid = daemon.directory.appending(path: "invalid.json")
            try Data(#"{"version": 1}"#.utf8).write(to: invalid)
            let refused = try await daemon.ctl(["submit", invalid.path])
            #expect(refused.status == 65, "\(refused)")
            #expect(refused.stderr.contains("customer"), "the issues are not listed: \(refused)")
        }
        let nowhere = try await runCommand(BuiltProducts.url(of: "onboardctl"), ["--socket", "/tmp/no-onboardd-here.sock", "list"])
        #expect(nowhere.status == 69, "\(nowhere)")
    }

    @Test func checkConfigAcceptsTheFixtureAndRefusesAWorldReadableSecret() async throws {
        try await withSimulator { simulator in
            let daemon = try DaemonProcess(simulator: simulator)
            let good = try await runCommand(BuiltProducts.url(of: "onboardd"), ["--config", daemon.configPath, "--check-config"])
            #expect(good.status == 0, "\(good)")
            #expect(chmod(daemon.directory.appending(path: "eu2.secret").path, 0o644) == 0)
            let bad = try await runCommand(BuiltProducts.url(of: "onboardd"), ["--config", daemon.configPath, "--check-config"])
            #expect(bad.status == 78, "\(bad)")
            #expect(bad.stderr.contains("chmod 0640"), "\(bad)")
            #expect(!bad.stderr.contains(SimulatorProcess.clientSecret))
        }
    }

    @Test func reloadPicksUpANewProfile() async throws {
        try await withDaemon { daemon in
            let source = daemon.profiles.appending(path: "standard-per-workload.json")
            try FileManager.default.copyItem(at: source, to: daemon.profiles.appending(path: "small-office.json"))
            let reload = try await daemon.ctl(["reload", "--wait"])
            #expect(reload.status == 0, "\(reload)")
            let profiles = try await daemon.ctlJSON(["profile", "list"])
            let names = (profiles["profiles"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(names.contains("small-office"))

            // A broken profile is refused and the running set stays.
            try Data("{ not json".utf8).write(to: daemon.profiles.appending(path: "broken.json"))
            let refused = try await daemon.ctl(["reload"])
            #expect(refused.status == 65, "\(refused)")
            #expect(refused.stderr.contains("broken.json"), "\(refused)")
            let still = try await daemon.ctlJSON(["profile", "list"])
            #expect(((still["profiles"] as? [[String: Any]])?.count ?? 0) == names.count)

            // SIGHUP reloads too (and logs the refusal the same way).
            try FileManager.default.removeItem(at: daemon.profiles.appending(path: "broken.json"))
            try FileManager.default.copyItem(at: source, to: daemon.profiles.appending(path: "branch-office.json"))
            daemon.signal(SIGHUP)
            try await waitUntil("SIGHUP to load branch-office") {
                let listed = try await daemon.ctlJSON(["profile", "list"])
                return ((listed["profiles"] as? [[String: Any]]) ?? []).contains { $0["name"] as? String == "branch-office" }
            }
        }
    }

    @Test func worksWithSocketActivation() async throws {
        try await withSimulator { simulator in
            let daemon = try DaemonProcess(simulator: simulator)
            try await daemon.start(socketActivated: true)
            // The first connection starts onboardd, which serves it on the inherited socket.
            let status = try await daemon.ctl(["daemon", "status", "--json"])
            #expect(status.status == 0, "\(status)\n\(daemon.log)")
            try await waitUntil("READY=1 from the socket-activated daemon") { daemon.notify.has("READY=1") }
            #expect(daemon.log.contains("using the control socket passed by systemd"), "\(daemon.log)")
            #expect(try await daemon.terminate() == 0)
            // The socket belongs to the activator (systemd): the daemon must not remove it.
            #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        }
    }

    @Test func journaldEntriesCarryTheOnboardingFieldsAndMessageIDs() async throws {
        let journal = JournalProcess()
        try await journal.ensureRunning()
        do {
            try await withSimulator { simulator in
                let daemon = try DaemonProcess(simulator: simulator)
                try await daemon.start(journal: true)
                let file = daemon.directory.appending(path: "journal.json")
                try Data(exampleRequest(customer: "Journal Ltd", login: "journal.admin").utf8).write(to: file)
                let submitted = try await daemon.ctlJSON(["submit", file.path, "--wait"])
                let id = try #require((submitted["onboardings"] as? [[String: Any]])?.first.flatMap { ($0["onboarding"] as? [String: Any])?["id"] as? String })
                let succeededID = "6ba52b198a2c4caa991977ffac9ce9d0"  // OnboardMessageID.succeeded, as the README lists it
                try await waitUntil("the succeeded entry in the journal", within: .seconds(20)) {
                    try await JournalProcess.entries(["ONBOARDD_ONBOARDING_ID=\(id)"]).contains { $0["MESSAGE_ID"] as? String == succeededID }
                }
                let entries = try await JournalProcess.entries(["ONBOARDD_ONBOARDING_ID=\(id)"])
                let messageIDs = Set(entries.compactMap { $0["MESSAGE_ID"] as? String })
                #expect(messageIDs.isSuperset(of: ["3fa1e4694e6c46f18c402d503040af3c", "6c07733b5e7143aaa1af642873f04b28", succeededID]), "\(messageIDs)")
                let steps = Set(entries.compactMap { $0["ONBOARDD_STEP"] as? String })
                #expect(steps.contains("create_tenant") && steps.contains("verify"), "\(steps)")
                #expect(entries.allSatisfy { $0["ONBOARDD_CUSTOMER"] as? String == "Journal Ltd" && $0["SYSLOG_IDENTIFIER"] as? String == "onboardd" })
                #expect(entries.allSatisfy { $0["CODE_FILE"] != nil && $0["PRIORITY"] != nil })
                // journalctl MESSAGE_ID=… finds it among everything else.
                let byKind = try await JournalProcess.entries(["MESSAGE_ID=\(succeededID)", "ONBOARDD_ONBOARDING_ID=\(id)"])
                #expect(byKind.count == 1)
                // No secret in the journal.
                let credentials = try await daemon.ctlJSON(["credentials", id])
                let everything = try await runCommand(URL(filePath: "/usr/bin/journalctl"), ["--no-pager", "-o", "json", "SYSLOG_IDENTIFIER=onboardd"])
                for secret in [credentials["admin_password"] as? String, credentials["registration_token"] as? String, SimulatorProcess.clientSecret] {
                    let value = try #require(secret)
                    #expect(!everything.stdout.contains(value), "a secret reached the journal")
                }
                // Nothing went to stderr but what journald could not take.
                #expect(!daemon.log.contains("step create_tenant done"), "\(daemon.log)")
                try await daemon.terminate()
            }
        } catch {
            try? await journal.stop()
            throw error
        }
        try await journal.stop()
    }
}
