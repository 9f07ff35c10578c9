import ArgumentParser
import OnboardCore

/// `onboardctl logs ID [--follow]`: an onboarding's events; with `--follow`, new ones as they happen until it ends.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Show an onboarding's events; with --follow, keep printing new ones until it has ended.",
        discussion: """
            Each line: local time, event kind, step, message. With --json, prints the result of onboarding.logs; \
            with --json --follow, one event object per line, then the final result. Exits 0 once the log is \
            printed, whatever the onboarding's outcome (use `onboardctl wait` for an exit status that reflects it).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String

    @Flag(name: [.short, .long], help: "Keep printing new events until the onboarding has succeeded, failed or been cancelled.")
    var follow = false

    @Option(help: ArgumentHelp("Only events after this sequence number (the `seq` of --json output).", valueName: "seq"))
    var after: Int64?

    func run() async throws {
        let (id, follow, after) = (self.id, self.follow, self.after)
        try await Invocation.run(global, streaming: follow) { invocation in
            let lines = EventLine()
            guard follow else {
                let reply = try await invocation.session.call(.logs, LogsParams(id: id, after: after), as: LogsResult.self)
                invocation.emit(reply.json) { reply.value.events.map(lines.text).joined(separator: "\n") }
                if !invocation.json, reply.value.events.isEmpty { invocation.note("no events" + (after.map { " after \($0)" } ?? "")) }
                return .success
            }
            // The backlog first, then the events that follow it: whether the daemon sends the backlog as
            // notifications or in the result, each event is printed once, in order.
            let backlog = try await invocation.session.call(.logs, LogsParams(id: id, after: after), as: LogsResult.self)
            let raw = backlog.json["events"]?.arrayValue ?? []
            for (index, event) in backlog.value.events.enumerated() {
                invocation.emitLine(index < raw.count ? raw[index] : .null, human: lines.text(for: event))
            }
            let cursor = backlog.value.events.last?.seq ?? after
            let printed = EventCursor(after: cursor)
            let ended = try await SignalInterruption.run(hint: "onboarding \(id) goes on in onboardd; resume with `onboardctl logs \(id) --follow`") {
                try await invocation.session.stream(.logs, LogsParams(id: id, after: cursor, follow: true), as: LogsResult.self) { event, json in
                    if printed.advance(to: event.seq) { invocation.emitLine(json, human: lines.text(for: event)) }
                }
            }
            let rawEvents = ended.json["events"]?.arrayValue ?? []
            for (index, event) in ended.value.events.enumerated() where printed.advance(to: event.seq) {
                invocation.emitLine(index < rawEvents.count ? rawEvents[index] : .null, human: lines.text(for: event))
            }
            if invocation.json {
                invocation.emitLine(ended.json, human: "")
            } else {
                let summary = ended.value.onboarding
                invocation.note("onboarding \(summary.id) (\(summary.customer)) \(summary.state.rawValue)" + (summary.reason.map { ": \(ProgressLine.oneLine($0))" } ?? ""))
            }
            return .success
        }
    }
}
