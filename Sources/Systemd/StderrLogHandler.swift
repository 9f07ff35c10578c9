import Logging

/// A swift-log handler that writes one line per log call to stderr, prefixed with the syslog priority as `<N>`.
///
/// Under systemd, journald reads the `<N>` prefix of each stderr line as the entry's priority (daemon(7)); in a
/// terminal or the demo the line stays readable. Format (see ``line(for:)``):
///
/// ```
/// <6>onboarding succeeded event=succeeded onboarding.customer="Acme Ltd" onboarding.id=42
/// ```
///
/// Metadata keeps its swift-log keys, sorted, with the same secret filtering as the journal (``SensitiveMetadata``).
public struct StderrLogHandler: LogHandler {
    /// The logger's label (not printed; journald adds the unit's identifier).
    public let label: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - metadataProvider: Contextual metadata added to every line. Defaults to none.
    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let record = LogRecord(
            event: event,
            label: self.label,
            handlerMetadata: self.metadata,
            providerMetadata: self.metadataProvider?.get() ?? [:]
        )
        StandardError.write(Self.line(for: record))
    }

    /// The stderr line for a record, without the trailing newline. Pure.
    ///
    /// `<N>message event=<kind> key=value … error=…`: the priority prefix, the message with newlines escaped as
    /// `\n` (one line per entry, or journald would split it), then `event`, the metadata sorted by key and the
    /// error. A value is double-quoted, with `\` escapes, when it is empty or contains a space, `"`, `=`, `\` or a
    /// control character.
    public static func line(for record: LogRecord) -> String {
        var line = "<\(record.priority.rawValue)>"
        line += Self.escapedMessage(record.message)
        if let event = record.event {
            line += " \(OnboardEvent.metadataKey)=\(Self.quotedIfNeeded(event))"
        }
        for entry in record.metadata {
            line += " \(Self.escapedKey(entry.key))=\(Self.quotedIfNeeded(entry.value))"
        }
        if let error = record.error {
            line += " error=\(Self.quotedIfNeeded(error))"
        }
        return line
    }

    private static func escapedMessage(_ message: String) -> String {
        var result = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func escapedKey(_ key: String) -> String {
        String(String.UnicodeScalarView(key.unicodeScalars.map { Self.needsQuoting($0) ? "_" : $0 }))
    }

    private static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\"
            || scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        guard value.isEmpty || value.unicodeScalars.contains(where: Self.needsQuoting) else { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
