/// Turns a ``LogRecord`` into the `FIELD=value` strings of one journal entry. Pure; no I/O.
///
/// Fields, in this order:
///
/// | Field | Value |
/// |---|---|
/// | `MESSAGE` | the message (may span lines) |
/// | `PRIORITY` | ``SyslogPriority`` of the level, `0`–`7` |
/// | `MESSAGE_ID` | only for a known `event` (``OnboardEvent/messageID``) |
/// | `CODE_FILE`, `CODE_LINE`, `CODE_FUNC` | the call site from swift-log (`sd_journal_sendv` does not add them) |
/// | `SYSLOG_IDENTIFIER` | the identifier given to the handler, e.g. `onboardd` |
/// | `ONBOARDD_LOGGER` | the logger's label |
/// | `ONBOARDD_EVENT` | the `event` metadata value, known or not |
/// | `ONBOARDD_ERROR` | the description of the attached error, if any |
/// | `ONBOARDD_…` | every other metadata entry, named by ``JournalFieldName/forMetadataKey(_:)``, sorted by key |
///
/// Never produced: any field starting with `_`, `UNIT=`.
public enum JournalFields {
    /// The journal fields for a record.
    ///
    /// - Parameters:
    ///   - record: The prepared log call.
    ///   - identifier: The `SYSLOG_IDENTIFIER`.
    /// - Returns: `FIELD=value` strings, ready for `sd_journal_sendv`.
    public static func make(for record: LogRecord, identifier: String) -> [String] {
        var fields = [
            "MESSAGE=\(record.message)",
            "PRIORITY=\(record.priority.rawValue)",
        ]
        if let kind = record.knownEvent {
            fields.append("MESSAGE_ID=\(kind.messageID.hex)")
        }
        fields.append("CODE_FILE=\(record.file)")
        fields.append("CODE_LINE=\(record.line)")
        fields.append("CODE_FUNC=\(record.function)")
        fields.append("SYSLOG_IDENTIFIER=\(identifier)")
        fields.append("ONBOARDD_LOGGER=\(record.label)")
        if let event = record.event, let name = JournalFieldName.forMetadataKey(OnboardEvent.metadataKey) {
            fields.append("\(name)=\(event)")
        }
        if let error = record.error {
            fields.append("ONBOARDD_ERROR=\(error)")
        }
        for entry in record.metadata {
            guard let name = JournalFieldName.forMetadataKey(entry.key) else { continue }
            fields.append("\(name)=\(entry.value)")
        }
        return fields
    }
}
