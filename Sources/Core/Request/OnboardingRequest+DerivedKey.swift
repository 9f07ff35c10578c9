import Foundation

extension OnboardingRequest {
    /// The idempotency key of a request that gives none: `PARTNER/CUSTOMER NAME`, lower-cased, with every run of
    /// whitespace collapsed into one space and surrounding whitespace removed, in Unicode normalisation form C.
    ///
    /// For partner `eu2` and customer `Contoso  Ltd` it is `eu2/contoso ltd`. Requests that differ only in the case
    /// or spacing of the customer name therefore share a key; since their content differs, submitting both is a
    /// conflict rather than a second tenant. Lower-casing uses Unicode's default (locale-independent) mapping, so the
    /// key is the same on every machine.
    ///
    /// A derived key always contains `/`, which a key given in a request cannot contain, so derived and given keys
    /// never collide. It is not limited to 128 characters.
    public static func derivedKey(partner: String, customerName: String) -> String {
        "\(normalisedKeyPart(partner))/\(normalisedKeyPart(customerName))"
    }

    private static func normalisedKeyPart(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }
}
