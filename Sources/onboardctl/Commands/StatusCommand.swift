import ArgumentParser
import OnboardCore

/// `onboardctl status [ID]`: one onboarding with its steps, or the count per state and what has not ended yet.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show one onboarding with its steps, or (without ID) the count per state and the onboardings not yet ended.",
        discussion: """
            With --json and an ID, prints the result of onboarding.get ({onboarding, steps}); without an ID, \
            {counts, onboardings} where onboardings are those queued, running or waiting.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String?

    func run() async throws {
        let id = self.id
        try await Invocation.run(global) { invocation in
            if let id {
                let reply = try await invocation.session.call(.get, OnboardingIDParams(id: id), as: OnboardingDetail.self)
                invocation.emit(reply.json) { OnboardingRendering().detail(reply.value) }
                return .success
            }
            return try await Self.overview(invocation)
        }
    }

    /// The states that have not ended, in the order the overview lists them.
    static let activeStates: [OnboardingState] = [.running, .waiting, .queued]

    /// Lists each non-final state on its own (so a long history does not hide one) and prints the overview.
    static func overview(_ invocation: Invocation) async throws(RPCError) -> ExitStatus {
        var counts: [String: Int] = [:]
        var active: [ControlSession.Reply<OnboardingSummary>] = []
        for state in activeStates {
            let reply = try await invocation.session.call(.list, ListParams(state: state), as: ListResult.self)
            counts = reply.value.counts
            let raw = reply.json["onboardings"]?.arrayValue ?? []
            for (index, summary) in reply.value.onboardings.enumerated() {
                active.append(ControlSession.Reply(value: summary, json: index < raw.count ? raw[index] : .null))
            }
        }
        let json: JSONValue = [
            "counts": .object(counts.mapValues { .integer($0) }),
            "onboardings": .array(active.map(\.json)),
        ]
        invocation.emit(json) { OnboardingRendering().overview(counts: counts, active: active.map(\.value)) }
        return .success
    }
}
