extension OnboardingPlan {
    /// The agent registration token, issued in the admin user's personal tenant (acronis-api.md §6).
    public struct RegistrationTokenPlan: Sendable, Hashable, Codable {
        /// Its lifetime in days.
        public var validDays: Int
        /// Its lifetime as `expires_in` sends it.
        public var expiresInSeconds: Int
        /// The platforms install commands are rendered for.
        public var platforms: [AgentPlatform]

        public init(validDays: Int, expiresInSeconds: Int, platforms: [AgentPlatform]) {
            self.validDays = validDays
            self.expiresInSeconds = expiresInSeconds
            self.platforms = platforms
        }

        enum CodingKeys: String, CodingKey {
            case platforms
            case validDays = "valid_days"
            case expiresInSeconds = "expires_in_seconds"
        }
    }
}
