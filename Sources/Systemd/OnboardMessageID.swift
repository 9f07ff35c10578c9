/// A journald `MESSAGE_ID`: a fixed 128-bit identifier, written as 32 lowercase hex digits, for one kind of event.
///
/// `journalctl MESSAGE_ID=6ba52b198a2c4caa991977ffac9ce9d0` finds every successful onboarding, whatever the
/// message text says. The values were generated once (random, version 4) and must never change.
///
/// | Event (`event` metadata) | `MESSAGE_ID` |
/// |---|---|
/// | `submitted` | `3fa1e4694e6c46f18c402d503040af3c` |
/// | `step_done` | `6c07733b5e7143aaa1af642873f04b28` |
/// | `succeeded` | `6ba52b198a2c4caa991977ffac9ce9d0` |
/// | `failed` | `39f1c03885fc4138a215d931422eee0e` |
/// | `rejected_file` | `20b25312e7674b679e9990bda0a74aba` |
/// | `token_refreshed` | `9b3a6fcd64bb451fb201366dfeb39631` |
/// | `rate_limited` | `60180e7173644e4a904ef61de4b8b888` |
/// | `daemon_started` | `1a04f9d6664e4508be569582b23061f3` |
/// | `daemon_stopping` | `d3b0ec6991ed41d4995c3c5de6927f0c` |
/// | `reloaded` | `fa7f31a962614dec94ea7440bfb688d8` |
public struct OnboardMessageID: Sendable, Hashable, CustomStringConvertible {
    /// The 32 lowercase hex digits.
    public let hex: String

    /// Creates an identifier from 32 lowercase hex digits, or returns `nil` for anything else.
    public init?(hex: String) {
        guard hex.utf8.count == 32,
            hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = hex
    }

    private init(constant hex: StaticString) {
        self.hex = hex.description
    }

    public var description: String { self.hex }

    /// An onboarding request was accepted (spool or control socket).
    public static let submitted = OnboardMessageID(constant: "3fa1e4694e6c46f18c402d503040af3c")
    /// One step of an onboarding finished.
    public static let stepDone = OnboardMessageID(constant: "6c07733b5e7143aaa1af642873f04b28")
    /// An onboarding finished successfully.
    public static let succeeded = OnboardMessageID(constant: "6ba52b198a2c4caa991977ffac9ce9d0")
    /// An onboarding failed.
    public static let failed = OnboardMessageID(constant: "39f1c03885fc4138a215d931422eee0e")
    /// A spool file was moved to `rejected/`.
    public static let rejectedFile = OnboardMessageID(constant: "20b25312e7674b679e9990bda0a74aba")
    /// A partner API token was obtained or refreshed.
    public static let tokenRefreshed = OnboardMessageID(constant: "9b3a6fcd64bb451fb201366dfeb39631")
    /// A data center throttled us (429/503) or the local rate limit held a request back.
    public static let rateLimited = OnboardMessageID(constant: "60180e7173644e4a904ef61de4b8b888")
    /// The daemon finished starting up (sent together with `READY=1`).
    public static let daemonStarted = OnboardMessageID(constant: "1a04f9d6664e4508be569582b23061f3")
    /// Graceful shutdown began (sent together with `STOPPING=1`).
    public static let daemonStopping = OnboardMessageID(constant: "d3b0ec6991ed41d4995c3c5de6927f0c")
    /// Configuration and profiles were reloaded.
    public static let reloaded = OnboardMessageID(constant: "fa7f31a962614dec94ea7440bfb688d8")
}
