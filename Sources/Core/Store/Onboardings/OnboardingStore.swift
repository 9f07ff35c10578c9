import Foundation

/// The durable record of every onboarding, its steps and its events, in SQLite.
///
/// Every state change is one `BEGIN IMMEDIATE` transaction on the writer connection (WAL,
/// `synchronous=FULL`), committed before the engine acts on it; reads use the reader connection.
/// All SQLite work runs on the database's own queues, never on the cooperative pool.
public final class OnboardingStore: Sendable {
    /// What ``submit(_:)`` did.
    public enum SubmitOutcome: Sendable, Hashable {
        /// A new onboarding was recorded.
        case created(OnboardingRecord)
        /// The same key with the same content exists already: that onboarding is returned.
        case existing(OnboardingRecord)
        /// The same key exists with different content.
        case conflict(existingID: String)
    }

    /// A new onboarding to record.
    public struct Submission: Sendable {
        public var key: String
        public var partner: String
        public var customerName: String
        public var requestJSON: String
        public var submitterUID: UInt32?
        public var source: String
        public var adminPassword: Secret?

        public init(key: String, partner: String, customerName: String, requestJSON: String, submitterUID: UInt32?, source: String, adminPassword: Secret? = nil) {
            self.key = key
            self.partner = partner
            self.customerName = customerName
            self.requestJSON = requestJSON
            self.submitterUID = submitterUID
            self.source = source
            self.adminPassword = adminPassword
        }
    }

    public let database: SQLiteDatabase

    /// Opens (creating if needed, mode 0600) and migrates the database at `path`.
    public static func open(path: String) async throws -> OnboardingStore {
        let database = try await SQLiteDatabase(path: path)
        try await SQLiteMigrator(OnboardingSchema.migrations).migrate(database)
        return OnboardingStore(database: database)
    }

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Signals every committed write, for readers that follow onboardings (wait, logs, result files, status).
    public let changes = StoreChangeSignal()

    /// A write transaction, followed by a change signal once it committed.
    private func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let result = try await database.write(body)
        changes.notify()
        return result
    }

    // MARK: - Writes

    /// Records a submission, or finds the onboarding with the same key.
    public func submit(_ submission: Submission, now: Date = Date()) async throws -> SubmitOutcome {
        try await write { connection in
            if let existing = try connection.queryFirst("SELECT * FROM onboardings WHERE key = ?", [.text(submission.key)]) {
                let record = try Self.record(from: existing)
                return record.requestJSON == submission.requestJSON ? .existing(record) : .conflict(existingID: record.id)
            }
            let id = UUID().uuidString.lowercased()
            let progress = OnboardingStateMachine.Progress()
            try connection.run(
                """
                INSERT INTO onboardings (id, key, partner, customer_name, request_json, state, step, attempt, submitter_uid, source, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
                """,
                [
                    .text(id), .text(submission.key), .text(submission.partner), .text(submission.customerName), .text(submission.requestJSON),
                    .text(progress.state.rawValue), .text(progress.step.rawValue), submission.submitterUID.map { .integer(Int64($0)) } ?? .null,
                    .text(submission.source), .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970),
                ])
            try connection.run(
                "INSERT INTO credentials (onboarding_id, admin_password) VALUES (?, ?)",
                [.text(id), submission.adminPassword.map { .text($0.revealed) } ?? .null])
            try Self.appendEvent(
                connection, id: id, kind: .submitted, step: nil,
                message: "submitted by uid \(submission.submitterUID.map(String.init) ?? "unknown") via \(submission.source)", now: now)
            guard let row = try connection.queryFirst("SELECT * FROM onboardings WHERE id = ?", [.text(id)]) else {
                throw SQLiteError.failed
            }
            return .created(try Self.record(from: row))
        }
    }

    /// An event to append with a transition.
    public typealias NewEvent = (kind: OnboardingEvent.Kind, step: OnboardingStep?, message: String)

    /// Persists a transition, with an optional event, in one transaction.
    public func save(_ progress: OnboardingStateMachine.Progress, for id: String, event: NewEvent? = nil, now: Date = Date()) async throws {
        try await save(progress, for: id, events: event.map { [$0] } ?? [], now: now)
    }

    /// Persists a transition and its events in one transaction, so a reader that sees the new state
    /// also sees every event that led to it.
    public func save(_ progress: OnboardingStateMachine.Progress, for id: String, events: [NewEvent], now: Date = Date()) async throws {
        let failure = try progress.lastFailure.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await write { connection in
            try connection.run(
                """
                UPDATE onboardings SET state = ?, step = ?, attempt = ?, next_run_at = ?, cancel_requested = ?,
                    last_failure_json = ?, updated_at = ? WHERE id = ?
                """,
                [
                    .text(progress.state.rawValue), .text(progress.step.rawValue), .integer(Int64(progress.attempt)),
                    progress.nextRunAt.map { .real($0.timeIntervalSince1970) } ?? .null, .integer(progress.cancelRequested ? 1 : 0),
                    failure.map { .text($0) } ?? .null, .real(now.timeIntervalSince1970), .text(id),
                ])
            for event in events {
                try Self.appendEvent(connection, id: id, kind: event.kind, step: event.step, message: event.message, now: now)
            }
        }
    }

    /// Records the start of a step attempt.
    public func stepStarted(_ step: OnboardingStep, of id: String, now: Date = Date()) async throws {
        try await write { connection in
            try connection.run(
                """
                INSERT INTO steps (onboarding_id, step, status, attempts, started_at) VALUES (?, ?, 'running', 1, ?)
                ON CONFLICT (onboarding_id, step) DO UPDATE SET status = 'running', attempts = attempts + 1, started_at = excluded.started_at, finished_at = NULL
                """,
                [.text(id), .text(step.rawValue), .real(now.timeIntervalSince1970)])
        }
    }

    /// Records the end of a step attempt: its outputs (ids obtained) or its failure.
    public func stepFinished(
        _ step: OnboardingStep, of id: String, outputs: [String: String] = [:], failure: StepFailure? = nil, now: Date = Date()
    ) async throws {
        let outputsJSON = outputs.isEmpty ? nil : String(decoding: try JSONEncoder().encode(outputs), as: UTF8.self)
        try await write { connection in
            try connection.run(
                """
                UPDATE steps SET status = ?, finished_at = ?, outputs_json = COALESCE(?, outputs_json), last_error = ?, acronis_code = ?
                WHERE onboarding_id = ? AND step = ?
                """,
                [
                    .text(failure == nil ? "succeeded" : "failed"), .real(now.timeIntervalSince1970), outputsJSON.map { .text($0) } ?? .null,
                    failure.map { .text($0.description) } ?? .null, failure?.acronisCode.map { .integer(Int64($0)) } ?? .null,
                    .text(id), .text(step.rawValue),
                ])
        }
    }

    /// Stores ids obtained from the DC.
    public func setResourceIDs(of id: String, tenantID: String? = nil, userID: String? = nil, personalTenantID: String? = nil) async throws {
        try await write { connection in
            try connection.run(
                """
                UPDATE onboardings SET tenant_id = COALESCE(?, tenant_id), user_id = COALESCE(?, user_id),
                    personal_tenant_id = COALESCE(?, personal_tenant_id) WHERE id = ?
                """,
                [tenantID.map { .text($0) } ?? .null, userID.map { .text($0) } ?? .null, personalTenantID.map { .text($0) } ?? .null, .text(id)])
        }
    }

    /// Stores credentials for the operator; `nil` fields keep their value.
    public func storeCredentials(of id: String, _ credentials: OnboardingCredentials) async throws {
        try await write { connection in
            try connection.run(
                """
                UPDATE credentials SET admin_password = COALESCE(?, admin_password), registration_token = COALESCE(?, registration_token),
                    registration_token_id = COALESCE(?, registration_token_id),
                    registration_token_expires_at = COALESCE(?, registration_token_expires_at)
                WHERE onboarding_id = ?
                """,
                [
                    credentials.adminPassword.map { .text($0.revealed) } ?? .null, credentials.registrationToken.map { .text($0.revealed) } ?? .null,
                    credentials.registrationTokenID.map { .integer($0) } ?? .null,
                    credentials.registrationTokenExpiresAt.map { .text($0) } ?? .null, .text(id),
                ])
        }
    }

    /// At start-up: every `running` onboarding belongs to a previous life; queue it again.
    /// - Returns: the ids recovered.
    public func recoverInterrupted(now: Date = Date()) async throws -> [String] {
        try await write { connection in
            let ids = try connection.query("SELECT id FROM onboardings WHERE state = 'running'").map { try $0.get(0, as: String.self) }
            for id in ids {
                try connection.run("UPDATE onboardings SET state = 'queued', updated_at = ? WHERE id = ?", [.real(now.timeIntervalSince1970), .text(id)])
                try Self.appendEvent(connection, id: id, kind: .recovered, step: nil, message: "the daemon restarted during a step; it resumes there", now: now)
            }
            return ids
        }
    }

    // MARK: - Reads

    public func record(id: String) async throws -> OnboardingRecord? {
        try await database.read { connection in
            try connection.queryFirst("SELECT * FROM onboardings WHERE id = ?", [.text(id)]).map(Self.record(from:))
        }
    }

    /// Onboardings, newest first, optionally only those in `state`.
    public func list(state: OnboardingState? = nil, limit: Int = 1000) async throws -> [OnboardingRecord] {
        try await database.read { connection in
            let rows =
                if let state {
                    try connection.query(
                        "SELECT * FROM onboardings WHERE state = ? ORDER BY created_at DESC, id LIMIT ?", [.text(state.rawValue), .integer(Int64(limit))])
                } else {
                    try connection.query("SELECT * FROM onboardings ORDER BY created_at DESC, id LIMIT ?", [.integer(Int64(limit))])
                }
            return try rows.map(Self.record(from:))
        }
    }

    /// Onboardings ready to run now: queued, or waiting with their time come; oldest first.
    public func due(now: Date = Date(), limit: Int) async throws -> [OnboardingRecord] {
        try await database.read { connection in
            try connection.query(
                """
                SELECT * FROM onboardings WHERE state = 'queued' OR (state = 'waiting' AND next_run_at <= ?)
                ORDER BY created_at, id LIMIT ?
                """,
                [.real(now.timeIntervalSince1970), .integer(Int64(limit))]
            ).map(Self.record(from:))
        }
    }

    /// The earliest wake-up time of a waiting onboarding.
    public func nextWakeUp() async throws -> Date? {
        try await database.read { connection in
            let row = try connection.queryFirst("SELECT MIN(next_run_at) FROM onboardings WHERE state = 'waiting'")
            return try row?.get(0, as: Double?.self).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Counts per state.
    public func counts() async throws -> [OnboardingState: Int] {
        try await database.read { connection in
            var counts: [OnboardingState: Int] = [:]
            for row in try connection.query("SELECT state, COUNT(*) FROM onboardings GROUP BY state") {
                if let state = OnboardingState(rawValue: try row.get(0, as: String.self)) {
                    counts[state] = Int(try row.get(1, as: Int64.self))
                }
            }
            return counts
        }
    }

    /// Events of every onboarding after `seq`, oldest first, at most `limit`.
    public func events(after seq: Int64, limit: Int = 1000) async throws -> [OnboardingEvent] {
        try await database.read { connection in
            try connection.query("SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", [.integer(seq), .integer(Int64(limit))]).map(Self.event(from:))
        }
    }

    /// The sequence number of the newest event, 0 when there is none.
    public func lastEventSequence() async throws -> Int64 {
        try await database.read { connection in
            try connection.queryFirst("SELECT COALESCE(MAX(seq), 0) AS seq FROM events", [])?.get("seq") ?? 0
        }
    }

    /// Events of one onboarding after `seq`, oldest first.
    public func events(of id: String, after seq: Int64 = 0) async throws -> [OnboardingEvent] {
        try await database.read { connection in
            try connection.query("SELECT * FROM events WHERE onboarding_id = ? AND seq > ? ORDER BY seq", [.text(id), .integer(seq)]).map(Self.event(from:))
        }
    }

    private static func event(from row: SQLiteRow) throws -> OnboardingEvent {
        OnboardingEvent(
            seq: try row.get("seq"), onboardingID: try row.get("onboarding_id"),
            at: Date(timeIntervalSince1970: try row.get("at")),
            kind: OnboardingEvent.Kind(rawValue: try row.get("kind")) ?? .note,
            step: (try row.get("step", as: String?.self)).flatMap(OnboardingStep.init(rawValue:)),
            message: try row.get("message"))
    }

    /// Per-step rows: status, attempts, outputs, last error.
    public func steps(of id: String) async throws -> [StepRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM steps WHERE onboarding_id = ?", [.text(id)]).compactMap { row in
                guard let step = OnboardingStep(rawValue: try row.get("step")) else { return nil }
                let outputs = (try row.get("outputs_json", as: String?.self)).flatMap {
                    try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))
                }
                return StepRecord(
                    step: step, status: try row.get("status"), attempts: Int(try row.get("attempts", as: Int64.self)),
                    startedAt: (try row.get("started_at", as: Double?.self)).map(Date.init(timeIntervalSince1970:)),
                    finishedAt: (try row.get("finished_at", as: Double?.self)).map(Date.init(timeIntervalSince1970:)),
                    outputs: outputs ?? [:], lastError: try row.get("last_error"),
                    acronisCode: (try row.get("acronis_code", as: Int64?.self)).map { Int($0) })
            }.sorted { $0.step < $1.step }
        }
    }

    /// The secrets kept for the operator. Call only for an authorised credentials request.
    public func credentials(of id: String) async throws -> OnboardingCredentials? {
        try await database.read { connection in
            try connection.queryFirst("SELECT * FROM credentials WHERE onboarding_id = ?", [.text(id)]).map { row in
                OnboardingCredentials(
                    adminPassword: (try row.get("admin_password", as: String?.self)).map(Secret.init),
                    registrationToken: (try row.get("registration_token", as: String?.self)).map(Secret.init),
                    registrationTokenID: try row.get("registration_token_id"),
                    registrationTokenExpiresAt: try row.get("registration_token_expires_at"))
            }
        }
    }

    // MARK: - Row mapping

    private static func appendEvent(
        _ connection: SQLiteConnection, id: String, kind: OnboardingEvent.Kind, step: OnboardingStep?, message: String, now: Date
    ) throws {
        try connection.run(
            "INSERT INTO events (onboarding_id, at, kind, step, message) VALUES (?, ?, ?, ?, ?)",
            [.text(id), .real(now.timeIntervalSince1970), .text(kind.rawValue), step.map { .text($0.rawValue) } ?? .null, .text(message)])
    }

    private static func record(from row: SQLiteRow) throws -> OnboardingRecord {
        let failure = (try row.get("last_failure_json", as: String?.self)).flatMap {
            try? JSONDecoder().decode(StepFailure.self, from: Data($0.utf8))
        }
        let progress = OnboardingStateMachine.Progress(
            state: OnboardingState(rawValue: try row.get("state")) ?? .failed,
            step: OnboardingStep(rawValue: try row.get("step")) ?? .first,
            attempt: Int(try row.get("attempt", as: Int64.self)),
            nextRunAt: (try row.get("next_run_at", as: Double?.self)).map(Date.init(timeIntervalSince1970:)),
            cancelRequested: try row.get("cancel_requested", as: Int64.self) != 0,
            lastFailure: failure)
        return OnboardingRecord(
            id: try row.get("id"), key: try row.get("key"), partner: try row.get("partner"), customerName: try row.get("customer_name"),
            requestJSON: try row.get("request_json"), progress: progress,
            submitterUID: (try row.get("submitter_uid", as: Int64?.self)).map { UInt32(truncatingIfNeeded: $0) },
            source: try row.get("source"), tenantID: try row.get("tenant_id"), userID: try row.get("user_id"),
            personalTenantID: try row.get("personal_tenant_id"),
            createdAt: Date(timeIntervalSince1970: try row.get("created_at")), updatedAt: Date(timeIntervalSince1970: try row.get("updated_at")))
    }
}

/// One step's row.
public struct StepRecord: Sendable, Hashable {
    public var step: OnboardingStep
    /// `running`, `succeeded` or `failed`.
    public var status: String
    public var attempts: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Ids obtained (tenant id, user id, token id…).
    public var outputs: [String: String]
    public var lastError: String?
    public var acronisCode: Int?
}
