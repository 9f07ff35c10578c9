extension OnboardingRequest {
    /// Where the customer's services (edition, offering items, quotas, storage) come from.
    ///
    /// In JSON this is an object with exactly one member: `{"profile": NAME}` or `{"template_tenant": NAME-or-UUID}`.
    public enum Services: Sendable, Hashable, Codable, CustomStringConvertible {
        /// A profile file of the configuration, `profiles/NAME.json`, by name.
        case profile(String)
        /// An existing customer tenant of the partner, by name or UUID, whose services are copied.
        case templateTenant(String)

        enum CodingKeys: String, CodingKey {
            case profile
            case templateTenant = "template_tenant"
        }

        /// Decodes `{"profile": NAME}` or `{"template_tenant": NAME-or-UUID}`; anything else is an error.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let profile = try container.decodeIfPresent(String.self, forKey: .profile)
            let template = try container.decodeIfPresent(String.self, forKey: .templateTenant)
            switch (profile, template) {
            case (let profile?, nil): self = .profile(profile)
            case (nil, let template?): self = .templateTenant(template)
            default:
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "services needs exactly one of \"profile\" and \"template_tenant\""
                    )
                )
            }
        }

        /// Encodes `{"profile": NAME}` or `{"template_tenant": NAME-or-UUID}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .profile(let name): try container.encode(name, forKey: .profile)
            case .templateTenant(let reference): try container.encode(reference, forKey: .templateTenant)
            }
        }

        /// `profile "NAME"` or `template tenant "NAME"`.
        public var description: String {
            switch self {
            case .profile(let name): "profile \"\(name)\""
            case .templateTenant(let reference): "template tenant \"\(reference)\""
            }
        }
    }
}
