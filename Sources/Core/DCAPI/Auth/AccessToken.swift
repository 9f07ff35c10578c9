import Foundation

/// A bearer token of the `client_credentials` grant, with the instants that govern its reuse.
public struct AccessToken: Sendable, Hashable {
    /// The bearer value. Never log it.
    public var value: Secret
    /// When the DC stops accepting the token.
    public var expiresAt: ContinuousClock.Instant
    /// When a new token is requested instead of reusing this one.
    public var refreshAt: ContinuousClock.Instant
    /// Wall-clock expiry, for display.
    public var expiresAtDate: Date

    /// The lifetime assumed when the DC states none (acronis-api.md §10 #6: "else assume 7200 s").
    public static let assumedLifetime: Duration = .seconds(7200)
    /// Tokens are renewed when fewer than this many seconds remain, as the official examples do
    /// (acronis-api.md §2.2: re-issue when fewer than 900 s remain) …
    public static let maximumRefreshMargin: Duration = .seconds(900)
    /// … but never later than at 80 % of a short lifetime (engineering.md §5.4): the margin is at
    /// least a fifth of the lifetime.
    public static let minimumRefreshMarginDivisor = 5

    /// Builds the token from a grant received at `receivedAt` / `receivedAtDate`.
    ///
    /// The lifetime is the shorter of `expires_in` and `expires_on − now` when both are given,
    /// whichever is present otherwise, and ``assumedLifetime`` when neither is.
    public init(grant: TokenGrant, receivedAt: ContinuousClock.Instant, receivedAtDate: Date) {
        var lifetimes: [Duration] = []
        if let expiresIn = grant.expiresIn { lifetimes.append(.seconds(expiresIn)) }
        if let expiresOn = grant.expiresOn {
            lifetimes.append(.milliseconds(Int64((Double(expiresOn) - receivedAtDate.timeIntervalSince1970) * 1000)))
        }
        let lifetime = max(.zero, lifetimes.min() ?? Self.assumedLifetime)
        let margin = min(Self.maximumRefreshMargin, lifetime / Self.minimumRefreshMarginDivisor)
        self.value = Secret(grant.accessToken)
        self.expiresAt = receivedAt + lifetime
        self.refreshAt = receivedAt + (lifetime - margin)
        self.expiresAtDate = receivedAtDate.addingTimeInterval(Double(lifetime.components.seconds))
    }

    /// Whether the token may still be used at `now` without a refresh.
    public func isFresh(at now: ContinuousClock.Instant) -> Bool { now < refreshAt }
}
