import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// An in-memory Acronis Cyber Protect Cloud data centre serving the Account Management API v2.
///
/// Create one per simulated DC, then serve ``makeRouter()`` with Hummingbird (the `onboard-dcsim` executable does
/// that) or test it in-process with HummingbirdTesting:
///
/// ```swift
/// let simulator = try DCSimulator()
/// let app = Application(router: simulator.makeRouter())
/// try await app.test(.router) { client in … }
/// ```
///
/// Behaviour follows `acronis-api.md` §11.1; every unconfirmed behaviour is a switch in
/// ``SimulatorConfiguration`` (§11.2) that can change at run time through `PATCH /_sim/config`.
public final class DCSimulator: Sendable {
    /// Inputs of the seeded state.
    public let seedOptions: SeedOptions
    /// The simulated clock (tests advance it with ``SimClock/advance(by:)`` or `POST /_sim/clock/advance`).
    public let clock: SimClock

    let state: Mutex<SimState>
    private let config: Mutex<SimulatorConfiguration>
    let faults: FaultState
    let requestLog = RequestLog()
    let recorder: RecordFileWriter?

    /// Creates a simulator.
    ///
    /// - Parameters:
    ///   - seed: client credentials, admin password and generator seed of the seeded state.
    ///   - configuration: knobs and faults in force at start.
    ///   - recordFile: path of the JSON-lines record file (`--record`), or `nil`.
    ///   - clock: the clock to use (tests may share one).
    /// - Throws: ``ConfigurationError`` for an invalid configuration, ``RecordFileError`` if the record file cannot
    ///   be opened.
    public init(
        seed: SeedOptions = SeedOptions(),
        configuration: SimulatorConfiguration = SimulatorConfiguration(),
        recordFile: String? = nil,
        clock: SimClock = SimClock()
    ) throws {
        try configuration.validate()
        self.seedOptions = seed
        self.clock = clock
        self.state = Mutex(SeedBuilder.makeState(seed))
        self.config = Mutex(configuration)
        self.faults = FaultState(seed: seed.seed)
        self.recorder = try recordFile.map { try RecordFileWriter(path: $0) }
    }

    // MARK: Configuration

    /// The configuration in force.
    public var configuration: SimulatorConfiguration { config.withLock { $0 } }

    /// Applies a JSON patch of configuration keys at once (`PATCH /_sim/config`) and returns the new configuration.
    ///
    /// - Throws: ``ConfigurationError``; nothing is applied then.
    @discardableResult
    public func updateConfiguration(_ patch: JSON) throws -> SimulatorConfiguration {
        let updated = try config.withLock { current in
            let updated = try current.applying(patch)
            current = updated
            return updated
        }
        if patch["rateLimitRps"] != nil || patch["rateLimitBurst"] != nil { faults.resetBuckets() }
        return updated
    }

    /// Replaces the whole configuration.
    public func setConfiguration(_ configuration: SimulatorConfiguration) throws {
        try configuration.validate()
        config.withLock { $0 = configuration }
        faults.resetBuckets()
    }

    /// Consumes one use of the first `failNext` rule matching the request.
    func takeFailRule(method: String, path: String) -> FailRule? {
        config.withLock { config in
            guard let index = config.failNext.firstIndex(where: { $0.matches(method: method, path: path) }) else {
                return nil
            }
            let rule = config.failNext[index]
            config.failNext[index].count -= 1
            if config.failNext[index].count <= 0 { config.failNext.remove(at: index) }
            return rule
        }
    }

    /// Consumes one armed drop-after-commit for `route` (`"POST /api/2/tenants"`).
    func takeDropAfterCommit(route: String) -> Bool {
        config.withLock { config in
            guard let remaining = config.dropAfterCommit[route], remaining > 0 else { return false }
            config.dropAfterCommit[route] = remaining - 1 == 0 ? nil : remaining - 1
            return true
        }
    }

    // MARK: State access

    /// The inputs of a state operation for a request.
    func operation(_ context: SimRequestContext) -> Operation {
        Operation(now: clock.now(), config: configuration, caller: context.principal)
    }

    /// Runs `body` on the state atomically.
    func withState<Result: Sendable>(_ body: (inout SimState) throws -> Result) throws -> Result {
        try state.withLock { state in try body(&state) }
    }

    /// The caller behind a bearer token (AUTH-2).
    func authenticate(bearer token: String) throws -> Principal {
        let now = clock.now()
        return try state.withLock { try $0.authenticate(bearer: token, at: now) }
    }

    /// The rate-limit key of a request: the caller of its bearer token, the client of its Basic credentials, or
    /// `anonymous`.
    func rateLimitKey(for request: Request) -> String {
        guard let header = request.headers[.authorization] else { return "anonymous" }
        if header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            return state.withLock { $0.accessTokens[token]?.principal.key } ?? "unknown-token"
        }
        if let credentials = BasicCredentials(header: header) { return "client:\(credentials.clientID)" }
        return "anonymous"
    }

    /// Invalidates every issued bearer token (`POST /_sim/tokens/revoke`). Returns how many were revoked.
    @discardableResult
    public func revokeAllTokens() -> Int {
        state.withLock { state in
            let count = state.accessTokens.count
            state.accessTokens.removeAll()
            return count
        }
    }

    /// Restores the seeded state and clears the request log; the configuration is kept.
    public func reset() {
        state.withLock { $0 = SeedBuilder.makeState(seedOptions) }
        requestLog.clear()
        faults.resetBuckets()
    }

    /// A JSON dump of the state without secrets (`GET /_sim/state`).
    public func stateDump() -> JSON {
        let now = clock.now()
        return state.withLock { StateDump.make($0, now: now) }
    }

    // MARK: Request log

    /// The request log as returned by `GET /_sim/requests` (OPS-1).
    public func requestLogJSON() -> JSON {
        ["items": .array(requestLog.entries.map(\.json))]
    }

    /// Clears the request log (`DELETE /_sim/requests`).
    public func clearRequestLog() { requestLog.clear() }

    /// Records one `/api/2` exchange.
    func record(
        request: Request,
        requestBody: ByteBuffer,
        status: Int,
        responseBody: ByteBuffer,
        notes: ExchangeNotes.Values
    ) {
        let responseJSON = responseBody.readableBytes > 0 ? try? JSON.parse(responseBody) : nil
        var errorCode: Int?
        if case .object(let error)? = responseJSON?["error"] { errorCode = error["code"]?.intValue }
        let query = request.queryDictionary
        requestLog.append { seq in
            RequestLog.Entry(
                seq: seq,
                method: request.method.rawValue,
                path: request.uri.path,
                query: query,
                status: status,
                errorCode: errorCode,
                clientID: notes.clientID,
                userID: notes.userID,
                fault: notes.fault,
                dropped: notes.dropped
            )
        }
        guard let recorder else { return }
        let contentType = request.headers[.contentType]
        var recordedRequest: JSON = .null
        if requestBody.readableBytes > 0 {
            let text = String(buffer: requestBody)
            if request.hasJSONContentType, let parsed = try? JSON.parse(requestBody) {
                recordedRequest = Redaction.json(parsed)
            } else if contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
                recordedRequest = .string(Redaction.form(text))
            } else {
                recordedRequest = .string(text)
            }
        }
        var line: [String: JSON] = [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "query": .object(query.mapValues { .string($0) }),
            "request_content_type": JSON(contentType),
            "request_body": recordedRequest,
            "status": .int(status),
            "response_body": responseJSON.map(Redaction.json) ?? .null,
        ]
        if notes.dropped { line["dropped"] = true }
        recorder.append(.object(line))
    }

    // MARK: Serving

    /// Builds the router serving `/api/2/…` and the `/_sim/…` test hooks.
    public func makeRouter() -> Router<SimRequestContext> {
        let router = Router(context: SimRequestContext.self)
        router.add(middleware: RecordingMiddleware(simulator: self))
        let api = router.group("api/2").add(middleware: FaultMiddleware(simulator: self))
        TokenRoutes(simulator: self).register(on: api)
        api.add(middleware: AuthMiddleware(simulator: self))
        ClientRoutes(simulator: self).register(on: api)
        TenantRoutes(simulator: self).register(on: api)
        PricingRoutes(simulator: self).register(on: api)
        OfferingItemRoutes(simulator: self).register(on: api)
        ApplicationRoutes(simulator: self).register(on: api)
        InfraRoutes(simulator: self).register(on: api)
        SearchRoutes(simulator: self).register(on: api)
        UserRoutes(simulator: self).register(on: api)
        ActivationRoutes(simulator: self).register(on: api)
        RegistrationTokenRoutes(simulator: self).register(on: api)
        SimHookRoutes(simulator: self).register(on: router.group("_sim"))
        return router
    }
}
