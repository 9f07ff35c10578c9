extension OnboardingRequest {
    /// The customer's contact, written into the tenant's `contact`.
    public struct Contact: Sendable, Hashable, Codable {
        /// The contact's e-mail address (required).
        public let email: String
        /// The contact's first name, if given.
        public let firstname: String?
        /// The contact's last name, if given.
        public let lastname: String?
        /// The contact's phone number, if given (free text with at least one digit).
        public let phone: String?
    }
}
