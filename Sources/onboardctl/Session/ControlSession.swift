import OnboardCore

/// Typed calls to onboardd for the commands: parameters from the control API's `Codable` types, results decoded
/// into them and also kept as they arrived (for `--json`).
///
/// One connection per call (``OnboardCore/ControlSocketClient``). Ordinary calls wait up to ``callTimeout``, a little
/// longer than the daemon's own 60-second limit, so that the daemon's `io.onboard.Timeout` error (with its advice)
/// arrives before the client gives up; streaming calls wait forever and end when the onboarding ends or the task is
/// cancelled (Ctrl-C).
struct ControlSession: Sendable {
    /// A decoded result and the JSON it came from.
    struct Reply<Result: Sendable>: Sendable {
        var value: Result
        var json: JSONValue
    }

    /// How long an ordinary call may take.
    static let callTimeout: Duration = .seconds(65)

    /// The client, bound to the socket path.
    let client: ControlSocketClient

    init(socketPath: String) {
        client = ControlSocketClient(path: socketPath, timeout: Self.callTimeout)
    }

    /// Calls `method` with `params` and decodes its result as `Result`.
    func call<Result: Decodable & Sendable>(
        _ method: ControlMethod, _ params: some Encodable, as type: Result.Type
    ) async throws(RPCError) -> Reply<Result> {
        let json = try await client.call(method.rawValue, params: try Self.encode(params))
        return Reply(value: try ControlCoding.decodeResult(Result.self, from: json), json: json)
    }

    /// Calls a method without parameters and decodes its result as `Result`.
    func call<Result: Decodable & Sendable>(_ method: ControlMethod, as type: Result.Type) async throws(RPCError) -> Reply<Result> {
        let json = try await client.call(method.rawValue)
        return Reply(value: try ControlCoding.decodeResult(Result.self, from: json), json: json)
    }

    /// Calls a streaming method (`onboarding.wait`, `onboarding.logs` with `follow`) without a time limit, passing
    /// each `onboarding.event` notification to `onEvent` (on the connection's I/O thread) as it arrives.
    ///
    /// Notifications of other names, and events this client cannot decode, are skipped: a newer daemon may send
    /// more than this client knows.
    func stream<Result: Decodable & Sendable>(
        _ method: ControlMethod, _ params: some Encodable, as type: Result.Type,
        onEvent: @escaping @Sendable (EventEntry, JSONValue) -> Void
    ) async throws(RPCError) -> Reply<Result> {
        let json = try await client.call(method.rawValue, params: try Self.encode(params), timeout: .some(nil)) { notification in
            guard notification.method == ControlMethod.eventNotification else { return }
            let raw = JSONValue.object(notification.params)
            guard let event = try? ControlCoding.decodeResult(EventEntry.self, from: raw) else { return }
            onEvent(event, raw)
        }
        return Reply(value: try ControlCoding.decodeResult(Result.self, from: json), json: json)
    }

    /// The parameters object of a call.
    static func encode(_ params: some Encodable) throws(RPCError) -> [String: JSONValue] {
        try ControlCoding.encode(params).objectValue ?? [:]
    }
}
