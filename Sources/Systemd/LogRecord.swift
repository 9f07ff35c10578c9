import Logging

/// One log call, prepared for output: metadata merged and filtered, values rendered as text.
///
/// Both ``JournalLogHandler`` and ``StderrLogHandler`` build a record with this pure initializer and then only
/// format and write it, so everything that decides *what* gets logged is testable without I/O.
public struct LogRecord: Sendable, Hashable {
    /// The swift-log level.
    public var level: Logger.Level
    /// The message text, unchanged (it may span lines).
    public var message: String
    /// The `event` metadata value, if the call carried one (see ``OnboardEvent``).
    public var event: String?
    /// The remaining metadata, sensitive keys removed, values rendered, sorted by key.
    public var metadata: [Entry]
    /// The description of the error attached to the log call, if any.
    public var error: String?
    /// The logger's label.
    public var label: String
    /// The source file (`#fileID`) of the log call.
    public var file: String
    /// The function of the log call.
    public var function: String
    /// The line of the log call.
    public var line: UInt

    /// One metadata entry: the original swift-log key and the rendered value.
    public struct Entry: Sendable, Hashable {
        /// The swift-log metadata key, unchanged.
        public var key: String
        /// The value rendered as text.
        public var value: String

        /// Creates an entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Prepares a log call.
    ///
    /// Metadata is merged as swift-log's `StreamLogHandler` does: the handler's own metadata, overridden by the
    /// metadata provider's, overridden by the call's. Then keys that name a secret are dropped
    /// (``SensitiveMetadata``), the `event` key is moved to ``event``, and values are rendered as text.
    ///
    /// - Parameters:
    ///   - event: The swift-log event.
    ///   - label: The logger's label.
    ///   - handlerMetadata: Metadata set on the handler (`logger[metadataKey:]`).
    ///   - providerMetadata: Metadata from the handler's metadata provider, if any.
    public init(
        event: LogEvent,
        label: String,
        handlerMetadata: Logger.Metadata = [:],
        providerMetadata: Logger.Metadata = [:]
    ) {
        var merged = handlerMetadata
        merged.merge(providerMetadata) { _, new in new }
        if let callMetadata = event.metadata {
            merged.merge(callMetadata) { _, new in new }
        }
        merged = SensitiveMetadata.redacted(merged)
        let kind = merged.removeValue(forKey: OnboardEvent.metadataKey).map(Self.render)

        self.level = event.level
        self.message = event.message.description
        self.event = kind
        self.metadata = merged.map { Entry(key: $0.key, value: Self.render($0.value)) }.sorted { $0.key < $1.key }
        self.error = event.error.map { String(describing: $0) }
        self.label = label
        self.file = event.file
        self.function = event.function
        self.line = event.line
    }

    /// The syslog priority of ``level``.
    public var priority: SyslogPriority { SyslogPriority(self.level) }

    /// The kind of ``event``, when it is one of the known ``OnboardEvent`` raw values.
    public var knownEvent: OnboardEvent? { self.event.flatMap(OnboardEvent.init(rawValue:)) }

    /// Renders a metadata value: strings as they are, arrays as `[a, b]`, dictionaries as `[k: v]` sorted by key.
    static func render(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string):
            return string
        case .stringConvertible(let convertible):
            return convertible.description
        case .array(let array):
            return "[" + array.map(Self.render).joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            let pairs = dictionary.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.render($0.value))" }
            return "[" + pairs.joined(separator: ", ") + "]"
        }
    }
}
