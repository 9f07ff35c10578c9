import Foundation

extension OnboardingRequest {
    /// The request as canonical JSON: every field with its default filled in, members sorted by name, no whitespace.
    ///
    /// The engine stores this text and compares it when a key is submitted again: equal text means the same
    /// request, different text with the same key is a conflict. It contains every field of the `Codable` form,
    /// `key_was_derived` included; optional fields that are absent are left out.
    ///
    /// The text is stable: it does not depend on the input's member order, whitespace or escapes, nor on the
    /// Foundation version (it is written by onboard itself, after RFC 8785's rules for sorting and escaping).
    ///
    /// - Important: It contains the admin password (`admin.password`) in clear text when the request has one.
    ///   Store it as a secret and never log it.
    public func canonicalJSON() -> String {
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(self)
        } catch {
            preconditionFailure("an OnboardingRequest holds only strings, integers and booleans: \(error)")
        }
        do {
            return try RequestJSONParser.parse(encoded).canonicalText
        } catch {
            preconditionFailure("JSONEncoder produced JSON that RequestJSONParser rejects: \(error.message)")
        }
    }
}
