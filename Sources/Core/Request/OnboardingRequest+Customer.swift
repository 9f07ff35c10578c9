extension OnboardingRequest {
    /// The customer to onboard: the tenant created under the partner.
    public struct Customer: Sendable, Hashable, Codable {
        /// The tenant name: 1–255 characters, no leading or trailing whitespace, no control characters.
        public let name: String
        /// The language of the tenant and its admin user, such as `en` or `pt-BR`. Defaults to `en`.
        public let language: String
        /// The customer's contact.
        public let contact: Contact
    }
}
