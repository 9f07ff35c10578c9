import OnboardCore

/// The calls of one `submit` or `plan` command line: one call per input document, in order.
///
/// An input the daemon rejects (invalid, conflicting) is reported with its name and the others still go ahead, as
/// `cp` goes on after one bad file; the first rejection decides the exit status. An error that will hit every input
/// alike (daemon not running, permission denied, busy) ends the batch at once.
struct BatchSubmission<Result: Decodable & Sendable>: Sendable {
    /// A rejected input: its name, and the daemon's error.
    struct Rejection: Sendable {
        var source: String
        var error: RPCError
    }

    /// The accepted entries (one per request), with their JSON.
    var submitted: [ControlSession.Reply<SubmittedOnboarding>] = []
    /// The results of every accepted call, in order, with their JSON.
    var results: [ControlSession.Reply<Result>] = []
    var rejections: [Rejection] = []

    /// 0, or the status of the first rejection.
    var status: ExitStatus { rejections.first.map { .forError($0.error) } ?? .success }

    /// Whether an error concerns this input only (the batch goes on) rather than every call.
    static func concernsInputOnly(_ error: RPCError) -> Bool {
        error == .invalidData || error == .conflict || error == .invalidParams
    }

    /// Makes one `method` call per document.
    static func run(
        _ method: ControlMethod, _ documents: [(RequestInput, SubmitParams)], invocation: Invocation
    ) async throws(RPCError) -> BatchSubmission<Result> {
        var batch = BatchSubmission<Result>()
        for (input, parameters) in documents {
            do throws(RPCError) {
                batch.results.append(try await invocation.session.call(method, parameters, as: Result.self))
            } catch where concernsInputOnly(error) {
                invocation.report(error, source: input.displayName, alsoAsJSON: false)
                batch.rejections.append(Rejection(source: input.displayName, error: error))
            }
        }
        return batch
    }

    /// The `--json` form of the errors: `[{"source": NAME, "error": {code, type, message, data}}]`.
    var rejectionsJSON: JSONValue {
        .array(rejections.map { rejection in
            ["source": .string(rejection.source), "error": JSONOutput.errorObject(rejection.error)["error"] ?? .null]
        })
    }
}

extension BatchSubmission where Result == SubmitResult {
    /// Submits each document (`onboarding.submit`).
    static func submit(_ documents: [(RequestInput, SubmitParams)], invocation: Invocation) async throws(RPCError) -> BatchSubmission<SubmitResult> {
        var batch = try await run(.submit, documents, invocation: invocation)
        batch.submitted = batch.results.flatMap { result in
            let raw = result.json["onboardings"]?.arrayValue ?? []
            return result.value.onboardings.enumerated().map { index, entry in
                ControlSession.Reply(value: entry, json: index < raw.count ? raw[index] : .null)
            }
        }
        return batch
    }

    /// `{"onboardings": [...], "errors": [...]}`: every accepted entry (with `onboarding` replaced by `finals`, the
    /// summaries after waiting, when given), and the rejected inputs if any.
    func json(replacingOnboardingsWith finals: [JSONValue]? = nil) -> JSONValue {
        let entries = submitted.enumerated().map { index, entry -> JSONValue in
            guard let finals, index < finals.count, case .object(var members) = entry.json else { return entry.json }
            members["onboarding"] = finals[index]
            return .object(members)
        }
        var object: [String: JSONValue] = ["onboardings": .array(entries)]
        if !rejections.isEmpty { object["errors"] = rejectionsJSON }
        return .object(object)
    }
}
