import Foundation
import Testing

@testable import OnboardCore

@Suite("Access token lifetime")
struct AccessTokenTests {
    private func grant(expiresIn: Int64?, expiresOn: Int64?) -> TokenGrant {
        TokenGrant(accessToken: "a", tokenType: "bearer", expiresIn: expiresIn, expiresOn: expiresOn)
    }

    @Test("a 2-hour token is renewed when 15 minutes remain")
    func twoHours() {
        let now = ContinuousClock.now
        let token = AccessToken(grant: grant(expiresIn: 7200, expiresOn: nil), receivedAt: now, receivedAtDate: Date())
        #expect(token.expiresAt == now + .seconds(7200))
        #expect(token.refreshAt == now + .seconds(7200 - 900))
        #expect(token.isFresh(at: now + .seconds(6299)))
        #expect(!token.isFresh(at: now + .seconds(6300)))
    }

    @Test("a short token is renewed at 80 % of its life")
    func short() {
        let now = ContinuousClock.now
        let token = AccessToken(grant: grant(expiresIn: 10, expiresOn: nil), receivedAt: now, receivedAtDate: Date())
        #expect(token.refreshAt == now + .seconds(8))
    }

    @Test("the earlier of expires_in and expires_on wins; neither means 7200 s")
    func lifetimeSources() {
        let now = ContinuousClock.now
        let date = Date(timeIntervalSince1970: 1_000_000)
        let byExpiresOn = AccessToken(grant: grant(expiresIn: 7200, expiresOn: 1_000_600), receivedAt: now, receivedAtDate: date)
        #expect(byExpiresOn.expiresAt == now + .seconds(600))
        let onlyExpiresOn = AccessToken(grant: grant(expiresIn: nil, expiresOn: 1_003_600), receivedAt: now, receivedAtDate: date)
        #expect(onlyExpiresOn.expiresAt == now + .seconds(3600))
        let neither = AccessToken(grant: grant(expiresIn: nil, expiresOn: nil), receivedAt: now, receivedAtDate: date)
        #expect(neither.expiresAt == now + .seconds(7200))
    }
}
