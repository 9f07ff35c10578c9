import ArgumentParser
import OnboardCore

/// `onboardctl plan FILE…`: the dry run of requests against the DC; nothing is recorded or written.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what requests would do (dry run against the DC, read-only); exit 65 if any plan lists problems.",
        discussion: """
            Takes the same inputs as submit. Prints each plan: the tenant to create or adopt, offering items, \
            quotas and storage, the admin user, roles, activation and token, then every problem with its fix. \
            Exit status: 0 when every plan is clean, 65 when any lists problems or a request is invalid.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Request files (JSON, or CSV when the name ends in .csv); - reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("csv"), help: ArgumentHelp("A CSV of requests, whatever its name (- for standard input).", valueName: "file"))
    var csvFiles: [String] = []

    func run() async throws {
        let (files, csvFiles) = (self.files, self.csvFiles)
        try await Invocation.run(global) { invocation in
            let inputs = try RequestInput.resolve(files: files, csvFiles: csvFiles)
            let documents = try inputs.map { input throws(CLIError) in (input, try input.parameters()) }
            let batch = try await BatchSubmission<PlanResult>.run(.plan, documents, invocation: invocation)
            let plans = batch.results.flatMap(\.value.plans)
            var object: [String: JSONValue] = ["plans": .array(batch.results.flatMap { $0.json["plans"]?.arrayValue ?? [] })]
            if !batch.rejections.isEmpty { object["errors"] = batch.rejectionsJSON }
            invocation.emit(.object(object)) { plans.map(\.text).joined(separator: "\n\n" + String(repeating: "-", count: 72) + "\n\n") }
            let problematic = plans.filter { !$0.plan.isClean }.count
            if !invocation.json, !plans.isEmpty {
                invocation.note(
                    problematic == 0
                        ? "\(plans.count) plan(s), no problems found; submit with `onboardctl submit`"
                        : "\(problematic) of \(plans.count) plan(s) list problems; fix them before submitting")
            }
            return ExitStatus.first([batch.status, .forPlans(plans)])
        }
    }
}
