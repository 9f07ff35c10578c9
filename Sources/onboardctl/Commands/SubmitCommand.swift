import ArgumentParser
import OnboardCore

/// `onboardctl submit FILE… | --csv FILE | -`: records onboarding requests; with `--wait`, follows them to the end.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit onboarding requests: JSON files, CSV files, or - for one JSON request on standard input.",
        discussion: """
            Each file is one call: a JSON request (format v1), or a CSV with a header row and one request per row \
            (a name ending in .csv, or given with --csv). A CSV is all or nothing: if any row is invalid, nothing \
            of it is recorded and every problem is listed with its row. Submitting the same key with the same \
            content again returns the existing onboarding ("existing").

            With --wait, prints every step of every onboarding as it happens and exits 1 if any ends failed or \
            cancelled, 0 if all succeed. Ctrl-C stops waiting; the onboardings go on in onboardd.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Request files (JSON, or CSV when the name ends in .csv); - reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("csv"), help: ArgumentHelp("A CSV of requests, whatever its name (- for standard input).", valueName: "file"))
    var csvFiles: [String] = []

    @Flag(help: "Wait until every submitted onboarding has ended, printing its progress.")
    var wait = false

    func run() async throws {
        let (files, csvFiles) = (self.files, self.csvFiles)
        let wait = self.wait
        try await Invocation.run(global, streaming: wait) { invocation in
            let inputs = try RequestInput.resolve(files: files, csvFiles: csvFiles)
            return try await Self.submit(inputs, wait: wait, invocation: invocation)
        }
    }

    static func submit(_ inputs: [RequestInput], wait: Bool, invocation: Invocation) async throws -> ExitStatus {
        let documents = try inputs.map { input throws(CLIError) in (input, try input.parameters()) }
        let batch = try await BatchSubmission.submit(documents, invocation: invocation)
        guard wait, !batch.submitted.isEmpty else {
            invocation.emit(batch.json()) {
                batch.submitted.isEmpty ? "" : OnboardingRendering().submitTable(batch.submitted.map(\.value))
            }
            if !invocation.json, !batch.submitted.isEmpty {
                let created = batch.submitted.filter(\.value.created).count
                invocation.note("submitted \(batch.submitted.count) request(s): \(created) new, \(batch.submitted.count - created) already recorded; follow them with `onboardctl status` or `onboardctl wait ID`")
            }
            return batch.status
        }
        if !invocation.json {
            invocation.console.out(OnboardingRendering().submitTable(batch.submitted.map(\.value)))
            invocation.console.out("")
        }
        let targets = batch.submitted.map { OnboardingWaiter.Target(id: $0.value.onboarding.id, label: $0.value.onboarding.customer) }
        let waiter = OnboardingWaiter(invocation: invocation)
        let ids = targets.map(\.id).joined(separator: " ")
        let finals = try await SignalInterruption.run(
            hint: "the submitted onboardings go on in onboardd; follow them with `onboardctl wait ID` (\(ids)) or `onboardctl status`"
        ) {
            try await waiter.wait(forAll: targets)
        }
        invocation.emit(batch.json(replacingOnboardingsWith: finals.map(\.json))) {
            "\n" + OnboardingRendering().outcomeTable(finals.map(\.value))
        }
        return ExitStatus.first([batch.status, .forOutcomes(finals.map(\.value.state))])
    }
}
