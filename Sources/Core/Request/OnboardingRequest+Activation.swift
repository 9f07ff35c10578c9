extension OnboardingRequest {
    /// How the customer's admin user is activated (acronis-api.md §5.4).
    public enum Activation: String, Sendable, Hashable, Codable, CaseIterable {
        /// onboard sets a password (`POST /users/{id}/password`); the user can log in at once. The password is
        /// ``Admin/password`` when the request gives one, otherwise the engine generates one.
        case password
        /// Acronis sends the user an activation e-mail (`POST /users/{id}/send-activation-email`); the user picks
        /// a password. A request with this activation must not carry a password.
        case email
    }
}
