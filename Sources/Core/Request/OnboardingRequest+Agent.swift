extension OnboardingRequest {
    /// The agent registration token and the install commands rendered for it (acronis-api.md §6, §7).
    public struct Agent: Sendable, Hashable, Codable {
        /// The default token lifetime: 3 days, the console's default (acronis-api.md §6.4).
        public static let defaultTokenValidDays = 3
        /// The longest token lifetime accepted: one year, the API's maximum (acronis-api.md §6.1).
        public static let maximumTokenValidDays = 365

        /// How long the registration token stays valid, in days: 1 to ``maximumTokenValidDays``.
        public let tokenValidDays: Int
        /// The platforms to render install commands for, without duplicates, in the order of
        /// ``AgentPlatform/allCases``. Defaults to all of them.
        public let platforms: [AgentPlatform]

        /// The token lifetime in seconds, as `expires_in` wants it.
        public var tokenValiditySeconds: Int { tokenValidDays * 86_400 }

        init(tokenValidDays: Int, platforms: [AgentPlatform]) {
            self.tokenValidDays = tokenValidDays
            self.platforms = platforms
        }

        enum CodingKeys: String, CodingKey {
            case tokenValidDays = "token_valid_days"
            case platforms
        }
    }
}
