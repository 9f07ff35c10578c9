import Logging
import OnboardSystemd
import Testing

@Suite
struct SensitiveMetadataTests {
    @Test(arguments: [
        "password", "client_secret", "clientSecret", "client.secret", "access_token", "refresh.token", "Authorization",
        "http.header.authorization", "oauth.token", "api_key", "apiKey", "apikey", "private.key", "PASSWORD",
        "db.passwd", "tokens", "session.cookie", "ssh.passphrase",
    ])
    func sensitiveKeysAreDetected(key: String) {
        #expect(SensitiveMetadata.isSensitive(key: key))
    }

    @Test(arguments: [
        "token.expires_at", "token.state", "token_expiry", "secret.file", "password.length", "onboarding.id",
        "idempotency.key", "tokenizer", "event", "credentials.path", "",
    ])
    func keysAboutSecretsAreKept(key: String) {
        #expect(!SensitiveMetadata.isSensitive(key: key))
    }

    @Test
    func redactionDropsKeyAndValueAlsoWhenNested() {
        let metadata: Logger.Metadata = [
            "client_secret": "hunter2",
            "token.expires_at": "2025-01-01T00:00:00Z",
            "request": ["password": "hunter2", "user": "alice"],
            "list": [["access_token": "abc", "id": "1"]],
        ]
        let redacted = SensitiveMetadata.redacted(metadata)
        #expect(redacted.keys.sorted() == ["list", "request", "token.expires_at"])
        #expect(redacted["request"] == ["user": "alice"])
        #expect(redacted["list"] == [["id": "1"]])
    }

    @Test
    func bothOutputsDropSecrets() {
        let event = LogEvent(
            level: .info,
            message: "token refreshed",
            metadata: ["event": "token_refreshed", "access_token": "eyJsecret", "token.expires_at": "41m"],
            source: nil,
            file: "OnboardCore/TokenStore.swift",
            function: "refresh()",
            line: 12
        )
        let record = LogRecord(event: event, label: "onboardd.token", handlerMetadata: ["db.password": "pw"])
        let fields = JournalFields.make(for: record, identifier: "onboardd")
        let line = StderrLogHandler.line(for: record)
        for output in fields + [line] {
            #expect(!output.contains("eyJsecret"))
            #expect(!output.contains("pw\""))
            #expect(!output.contains("ACCESS_TOKEN") && !output.contains("access_token"))
            #expect(!output.contains("PASSWORD") && !output.contains("password"))
        }
        #expect(fields.contains("ONBOARDD_TOKEN_EXPIRES_AT=41m"))
        #expect(line.contains("token.expires_at=41m"))
    }
}
