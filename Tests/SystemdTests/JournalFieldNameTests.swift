import OnboardSystemd
import Testing

@Suite
struct JournalFieldNameTests {
    @Test(arguments: [
        // Documented fields.
        ("onboarding.id", "ONBOARDD_ONBOARDING_ID"),
        ("onboarding.customer", "ONBOARDD_CUSTOMER"),
        ("onboarding.step", "ONBOARDD_STEP"),
        ("event", "ONBOARDD_EVENT"),
        // Generic rule.
        ("partner", "ONBOARDD_PARTNER"),
        ("request.file-name", "ONBOARDD_REQUEST_FILE_NAME"),
        ("http.status_code", "ONBOARDD_HTTP_STATUS_CODE"),
        ("retryAfter", "ONBOARDD_RETRYAFTER"),
        ("dc.url", "ONBOARDD_DC_URL"),
        ("_pid", "ONBOARDD__PID"),
        ("unit", "ONBOARDD_UNIT"),
        ("UNIT", "ONBOARDD_UNIT"),
        ("MESSAGE", "ONBOARDD_MESSAGE"),
        ("größe", "ONBOARDD_GR__E"),
        ("a b=c", "ONBOARDD_A_B_C"),
    ])
    func mapping(key: String, field: String) {
        #expect(JournalFieldName.forMetadataKey(key) == field)
    }

    @Test
    func emptyKeyHasNoField() {
        #expect(JournalFieldName.forMetadataKey("") == nil)
    }

    @Test
    func longKeysAreCutToJournaldsLimit() throws {
        let field = try #require(JournalFieldName.forMetadataKey(String(repeating: "a.", count: 100)))
        #expect(field.utf8.count == 64)
        #expect(JournalFieldName.isValid(field))
    }

    @Test(arguments: [
        "onboarding.id", "", "_", "_SYSTEMD_UNIT", "unit", "x", "ünïcödé", "a\nb", "=", "MESSAGE=x", "🙂", "9lives",
        String(repeating: "z", count: 200),
    ])
    func everyMappedNameIsValidAndNeverTrustedOrUnit(key: String) {
        guard let field = JournalFieldName.forMetadataKey(key) else { return }
        #expect(JournalFieldName.isValid(field))
        #expect(field.hasPrefix("ONBOARDD_"))
        #expect(!field.hasPrefix("_"))
        #expect(field != "UNIT")
    }

    @Test
    func validity() {
        #expect(JournalFieldName.isValid("MESSAGE_ID"))
        #expect(!JournalFieldName.isValid("_PID"))
        #expect(!JournalFieldName.isValid("onboarding.id"))
        #expect(!JournalFieldName.isValid(""))
        #expect(!JournalFieldName.isValid(String(repeating: "A", count: 65)))
    }
}
