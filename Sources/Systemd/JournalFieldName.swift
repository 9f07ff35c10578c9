/// Maps swift-log metadata keys to journald field names.
///
/// journald accepts field names made of uppercase ASCII letters, digits and underscores, at most 64 characters,
/// not starting with `_` (those are trusted fields journald sets itself), and silently drops anything else
/// (sd_journal_print(3)). swift-log keys are lowercase and dotted (`onboarding.id`), so every key is mapped.
///
/// Documented fields (``explicitFields``):
///
/// | Metadata key | Journal field |
/// |---|---|
/// | `onboarding.id` | `ONBOARDD_ONBOARDING_ID` |
/// | `onboarding.customer` | `ONBOARDD_CUSTOMER` |
/// | `onboarding.step` | `ONBOARDD_STEP` |
/// | `event` | `ONBOARDD_EVENT` (and `MESSAGE_ID=`, see ``OnboardEvent``) |
///
/// Every other key: ASCII letters uppercased, every other character (dots, dashes, non-ASCII) replaced by `_`,
/// prefixed with ``prefix`` (`ONBOARDD_`), and cut at 64 characters: `request.file-name` →
/// `ONBOARDD_REQUEST_FILE_NAME`. The prefix guarantees a valid first character, so no metadata can produce a
/// trusted `_…` field, `UNIT=` (reserved for the service manager) or any other well-known field such as `MESSAGE`
/// or `PRIORITY`.
public enum JournalFieldName {
    /// The prefix of every field derived from metadata: `ONBOARDD_`.
    public static let prefix = "ONBOARDD_"

    /// The longest field name journald accepts.
    public static let maximumLength = 64

    /// The documented metadata keys and their fields.
    public static let explicitFields: [String: String] = [
        OnboardMetadataKey.onboardingID: "ONBOARDD_ONBOARDING_ID",
        OnboardMetadataKey.customer: "ONBOARDD_CUSTOMER",
        OnboardMetadataKey.step: "ONBOARDD_STEP",
        OnboardMetadataKey.event: "ONBOARDD_EVENT",
    ]

    /// The journal field for a metadata key, or `nil` for an empty key.
    ///
    /// - Parameter key: A swift-log metadata key.
    /// - Returns: A valid journald field name starting with ``prefix``.
    public static func forMetadataKey(_ key: String) -> String? {
        if let explicit = self.explicitFields[key] { return explicit }
        guard !key.isEmpty else { return nil }
        var name = self.prefix
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                name.unicodeScalars.append(Unicode.Scalar(byte - 0x20))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x80..<0xC0:
                continue  // UTF-8 continuation byte: the whole non-ASCII character becomes one `_`
            default:
                name.append("_")
            }
            if name.utf8.count >= self.maximumLength { break }
        }
        return name
    }

    /// Whether a field name is one journald accepts from a client: `[A-Z0-9_]{1,64}`, not starting with `_`.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "_"), name.utf8.count <= self.maximumLength else {
            return false
        }
        return name.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }
}
