/// The swift-log metadata keys onboard code uses for the documented journal fields.
///
/// Use these constants instead of string literals so a typo cannot silently produce a different journal field.
/// See ``JournalFieldName`` for the mapping.
public enum OnboardMetadataKey {
    /// `onboarding.id` → `ONBOARDD_ONBOARDING_ID`.
    public static let onboardingID = "onboarding.id"
    /// `onboarding.customer` → `ONBOARDD_CUSTOMER`.
    public static let customer = "onboarding.customer"
    /// `onboarding.step` → `ONBOARDD_STEP`.
    public static let step = "onboarding.step"
    /// `event` → `ONBOARDD_EVENT` and `MESSAGE_ID` (same as ``OnboardEvent/metadataKey``).
    public static let event = OnboardEvent.metadataKey
}
