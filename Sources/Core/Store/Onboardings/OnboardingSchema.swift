/// The versioned schema of the onboarding database.
///
/// Add migrations at the end; never edit one that has shipped.
public enum OnboardingSchema {
    public static let migrations: [SQLiteMigration] = [
        SQLiteMigration(
            version: 1, name: "onboardings, steps, events, credentials",
            sql: """
                CREATE TABLE onboardings (
                    id TEXT PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    partner TEXT NOT NULL,
                    customer_name TEXT NOT NULL,
                    request_json TEXT NOT NULL,
                    state TEXT NOT NULL,
                    step TEXT NOT NULL,
                    attempt INTEGER NOT NULL DEFAULT 0,
                    next_run_at REAL,
                    cancel_requested INTEGER NOT NULL DEFAULT 0,
                    last_failure_json TEXT,
                    submitter_uid INTEGER,
                    source TEXT NOT NULL,
                    tenant_id TEXT,
                    user_id TEXT,
                    personal_tenant_id TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX onboardings_by_state ON onboardings(state, next_run_at);
                CREATE TABLE steps (
                    onboarding_id TEXT NOT NULL REFERENCES onboardings(id) ON DELETE CASCADE,
                    step TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    started_at REAL,
                    finished_at REAL,
                    outputs_json TEXT,
                    last_error TEXT,
                    acronis_code INTEGER,
                    PRIMARY KEY (onboarding_id, step)
                );
                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    onboarding_id TEXT NOT NULL REFERENCES onboardings(id) ON DELETE CASCADE,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    step TEXT,
                    message TEXT NOT NULL
                );
                CREATE INDEX events_by_onboarding ON events(onboarding_id, seq);
                CREATE TABLE credentials (
                    onboarding_id TEXT PRIMARY KEY REFERENCES onboardings(id) ON DELETE CASCADE,
                    admin_password TEXT,
                    registration_token TEXT,
                    registration_token_id INTEGER,
                    registration_token_expires_at TEXT
                );
                """),
    ]
}
