import ArgumentParser
import OnboardCore

/// `onboardctl list [--state S] [--limit N]`: onboardings, newest first.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List onboardings, newest first: id, customer, partner, state, step, last change."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only onboardings in this state.", valueName: "state"))
    var state: OnboardingState?

    @Option(help: ArgumentHelp("At most this many (default: the daemon's, 1000).", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let parameters = ListParams(state: state, limit: limit)
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.list, parameters, as: ListResult.self)
            let listed = reply.value.onboardings
            invocation.emit(reply.json) { listed.isEmpty ? "" : OnboardingRendering().listTable(listed) }
            if !invocation.json {
                let total = parameters.state.map { reply.value.counts[$0.rawValue] ?? 0 } ?? reply.value.counts.values.reduce(0, +)
                if listed.isEmpty {
                    invocation.note(parameters.state.map { "no onboardings are \($0.rawValue)" } ?? "no onboardings yet; submit one with `onboardctl submit FILE`")
                } else if total > listed.count {
                    invocation.note("showing the newest \(listed.count) of \(total); raise --limit to see more")
                }
            }
            return .success
        }
    }
}
