import CSystemd
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A swift-log handler that writes one structured journald entry per log call with `sd_journal_sendv`.
///
/// The fields are listed in ``JournalFields``; metadata keys are mapped by ``JournalFieldName`` and secrets are
/// dropped by ``SensitiveMetadata``. Everything up to the final `sd_journal_sendv` is pure (``LogRecord``,
/// ``JournalFields/make(for:identifier:)``).
///
/// Use it when stderr is connected to the journal (``OnboardLogging/bootstrap(identifier:logLevel:destination:metadataProvider:)``
/// decides); otherwise use ``StderrLogHandler``. If `sd_journal_sendv` reports an error, the line goes to stderr
/// instead so it is not lost. (Without a running journald, `sd_journal_sendv` returns success and the entry is
/// gone, which is why the choice is made from `$JOURNAL_STREAM` up front.)
///
/// - Note: `sd_journal_sendv` is one non-blocking datagram send to `/run/systemd/journal/socket` (large entries
///   go through a memfd), so calling it from the cooperative pool is acceptable.
public struct JournalLogHandler: LogHandler {
    /// The logger's label, written as `ONBOARDD_LOGGER=`.
    public let label: String
    /// The `SYSLOG_IDENTIFIER=` of every entry.
    public let identifier: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - identifier: The `SYSLOG_IDENTIFIER`. Defaults to `onboardd`.
    ///   - metadataProvider: Contextual metadata added to every entry. Defaults to none.
    public init(label: String, identifier: String = "onboardd", metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.identifier = identifier
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
        let fields = JournalFields.make(for: record, identifier: self.identifier)
        if Self.send(fields) < 0 {
            StandardError.write(StderrLogHandler.line(for: record))
        }
    }

    /// Sends the fields as one entry. Returns `sd_journal_sendv`'s result (negative errno on failure).
    static func send(_ fields: [String]) -> Int32 {
        // One contiguous buffer, so every iovec points into memory that stays valid for the call.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(fields.count)
        for field in fields {
            let start = buffer.count
            buffer.append(contentsOf: field.utf8)
            ranges.append(start..<buffer.count)
        }
        return buffer.withUnsafeMutableBytes { bytes -> Int32 in
            let vectors = ranges.map { range in
                iovec(iov_base: bytes.baseAddress.map { $0 + range.lowerBound }, iov_len: range.count)
            }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}
