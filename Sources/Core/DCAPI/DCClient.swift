import Foundation
import Logging

/// Typed calls of the Acronis Account Management API v2 for one partner account.
///
/// Every call authenticates with the cached `client_credentials` token; a 401 renews the token
/// once and repeats the call once. Requests go through a ``DCRequestSending`` (normally the DC's
/// ``RequestScheduler``), so rate limits, pauses and retries apply. Failures are ``DCAPIError``.
///
/// Request bodies carry only the fields the OpenAPI document allows; responses decode only what
/// onboard uses and ignore the rest, so fields the DC adds later never break a call.
public struct DCClient: Sendable {
    public let credentials: PartnerCredentials
    /// The token cache of this partner account.
    public let tokens: AccessTokenCache
    private let sender: any DCRequestSending
    private let logger: Logger
    /// How long one attempt of a call (token requests included) may take.
    public let timeout: Duration

    public init(credentials: PartnerCredentials, sender: any DCRequestSending, logger: Logger, timeout: Duration = .seconds(30)) {
        self.credentials = credentials
        self.sender = sender
        self.logger = logger
        self.timeout = timeout
        self.tokens = AccessTokenCache(credentials: credentials, sender: sender, logger: logger, timeout: timeout)
    }

    // MARK: - Client and tenants

    /// `GET /clients/{client_id}`: the API client, whose `tenantID` is the partner tenant.
    public func apiClient() async throws(DCAPIError) -> APIClientInfo {
        try await call(.get, "clients", credentials.clientID)
    }

    /// `GET /tenants/{id}`.
    public func tenant(id: String) async throws(DCAPIError) -> Tenant {
        try await call(.get, "tenants", id)
    }

    /// `GET /tenants?parent_id=…`, every page: the direct children of `parentID`.
    public func tenants(parentID: String) async throws(DCAPIError) -> [Tenant] {
        try await allPages(["tenants"], query: [("parent_id", parentID)])
    }

    /// `GET /tenants?uuids=…`, in batches of 100 (the documented maximum).
    public func tenants(ids: [String]) async throws(DCAPIError) -> [Tenant] {
        var result: [Tenant] = []
        for start in stride(from: 0, to: ids.count, by: 100) {
            let batch = ids[start..<min(start + 100, ids.count)].joined(separator: ",")
            result += try await allPages(["tenants"], query: [("uuids", batch)])
        }
        return result
    }

    /// `GET /tenants/{id}/children`: ids of the direct children, every page.
    public func childIDs(of tenantID: String) async throws(DCAPIError) -> [String] {
        try await allPages(["tenants", tenantID, "children"], query: [])
    }

    /// `GET /tenants/{id}/users`: ids of the tenant's users.
    public func userIDs(of tenantID: String) async throws(DCAPIError) -> [String] {
        try await allPages(["tenants", tenantID, "users"], query: [])
    }

    /// `GET /search?tenant=…&text=…`: case-insensitive substring matches below `tenantID`.
    ///
    /// Search is not paged, so the call asks for `limit` hits and fails with
    /// ``DCAPIError/Code/incompleteList`` if the DC returns that many (there may be more).
    public func search(text: String, under tenantID: String, limit: Int = 1000) async throws(DCAPIError) -> [SearchHit] {
        let page: Page<SearchHit> = try await call(
            .get, "search", query: [("tenant", tenantID), ("text", text), ("limit", String(limit))]
        )
        if page.items.count >= limit {
            throw DCAPIError(
                code: .incompleteList, operation: "GET /search",
                message: "the search for \"\(text)\" returned \(page.items.count) hits, the limit; refine the text")
        }
        return page.items
    }

    /// `POST /tenants` → 201. A name that is taken fails with ``DCAPIError/isNameTaken``.
    public func createTenant(_ tenant: TenantCreation) async throws(DCAPIError) -> Tenant {
        try await call(.post, "tenants", body: tenant)
    }

    /// `PUT /tenants/{id}`; `update.version` must be the current version (stale → 409 / 1001).
    public func updateTenant(id: String, _ update: TenantUpdate) async throws(DCAPIError) -> Tenant {
        try await call(.put, "tenants", id, body: update)
    }

    /// `DELETE /tenants/{id}?version=…`; the tenant must be disabled first (1006).
    public func deleteTenant(id: String, version: Int64) async throws(DCAPIError) {
        try await callWithoutResult(.delete, ["tenants", id], query: [("version", String(version))])
    }

    /// `GET /tenants/{id}/pricing`.
    public func pricing(of tenantID: String) async throws(DCAPIError) -> TenantPricing {
        try await call(.get, "tenants", tenantID, "pricing")
    }

    /// `PUT /tenants/{id}/pricing`. Trial → production cannot be undone.
    public func setPricing(of tenantID: String, _ update: TenantPricingUpdate) async throws(DCAPIError) -> TenantPricing {
        try await call(.put, "tenants", tenantID, "pricing", body: update)
    }

    /// `GET /tenants/{id}/mfa/status`.
    public func mfaStatus(of tenantID: String) async throws(DCAPIError) -> TenantMFAStatus {
        try await call(.get, "tenants", tenantID, "mfa", "status")
    }

    /// `PUT /tenants/{id}/mfa/status`.
    public func setMFA(of tenantID: String, enabled: Bool) async throws(DCAPIError) -> TenantMFAStatus {
        try await call(.put, "tenants", tenantID, "mfa", "status", body: ["enabled": enabled])
    }

    // MARK: - Applications, offering items, infrastructure

    /// `GET /applications`.
    public func applications() async throws(DCAPIError) -> [Application] {
        try await allPages(["applications"], query: [])
    }

    /// `GET /tenants/{id}/applications`: ids of the applications enabled for the tenant.
    public func applicationIDs(of tenantID: String) async throws(DCAPIError) -> [String] {
        try await allPages(["tenants", tenantID, "applications"], query: [])
    }

    /// `POST /applications/{app}/bindings/tenants/{tenant}` → 204.
    public func bindApplication(_ applicationID: String, to tenantID: String) async throws(DCAPIError) {
        try await callWithoutResult(.post, ["applications", applicationID, "bindings", "tenants", tenantID])
    }

    /// `DELETE /applications/{app}/bindings/tenants/{tenant}` → 204.
    public func unbindApplication(_ applicationID: String, from tenantID: String) async throws(DCAPIError) {
        try await callWithoutResult(.delete, ["applications", applicationID, "bindings", "tenants", tenantID])
    }

    /// `GET /tenants/{id}/offering_items?edition=…`.
    ///
    /// - Important: the API's default edition is `standard` (acronis-api.md §9.1), so the edition is
    ///   always sent; use ``Edition/all`` for every edition. Edition-less items are always included.
    public func offeringItems(of tenantID: String, edition: Edition) async throws(DCAPIError) -> [OfferingItem] {
        try await allPages(["tenants", tenantID, "offering_items"], query: [("edition", edition.rawValue)])
    }

    /// `GET /tenants/{parent}/offering_items/available_for_child?kind=…&edition=…`: what a child of
    /// `parentID` may be given. Call it on the customer's actual parent.
    public func offeringItemsAvailableForChild(
        of parentID: String, kind: TenantKind = .customer, edition: Edition
    ) async throws(DCAPIError) -> [OfferingItem] {
        try await allPages(
            ["tenants", parentID, "offering_items", "available_for_child"],
            query: [("kind", kind.rawValue), ("edition", edition.rawValue)]
        )
    }

    /// `PUT /tenants/{id}/offering_items` with root key `offering_items`; returns the stored items.
    ///
    /// A wrong `quota.version` fails with ``DCAPIError/Code/quotaVersionMismatch`` (426): re-read and
    /// retry. Two storages of one capability fail with ``DCAPIError/isStorageConflict``.
    public func setOfferingItems(of tenantID: String, _ items: [OfferingItemUpdate]) async throws(DCAPIError) -> [OfferingItem] {
        struct Body: Encodable {
            var offeringItems: [OfferingItemUpdate]
            enum CodingKeys: String, CodingKey { case offeringItems = "offering_items" }
        }
        let page: Page<OfferingItem> = try await call(.put, "tenants", tenantID, "offering_items", body: Body(offeringItems: items))
        return page.items
    }

    /// `GET /infra?uuids=…`: capabilities and ownership of storages.
    public func infrastructure(ids: [String]) async throws(DCAPIError) -> [Infra] {
        guard !ids.isEmpty else { return [] }
        var result: [Infra] = []
        for start in stride(from: 0, to: ids.count, by: 100) {
            let batch = ids[start..<min(start + 100, ids.count)].joined(separator: ",")
            let page: Page<Infra> = try await call(.get, "infra", query: [("uuids", batch)])
            result += page.items
        }
        return result
    }

    /// `GET /infra/{id}`.
    public func infrastructure(id: String) async throws(DCAPIError) -> Infra {
        try await call(.get, "infra", id)
    }

    // MARK: - Users

    /// Result of `GET /users/check_login`.
    public enum LoginAvailability: Sendable, Hashable {
        /// 204: nobody has the login.
        case available
        /// 409: a user has it (possibly in another tenant).
        case taken
        /// 406: the DC considers the login invalid; the message says why.
        case invalid(String)
    }

    /// `GET /users/check_login?username=…`: 204 free, 409 taken, 406 invalid.
    public func checkLogin(_ login: String) async throws(DCAPIError) -> LoginAvailability {
        let operation = "GET /users/check_login"
        let response = try await authorizedResponse(.get, ["users", "check_login"], query: [("username", login)], body: nil)
        switch response.status {
        case 204, 200: return .available
        case 409: return .taken
        case 406: return .invalid(DCAPIError.from(response: response, operation: operation).message)
        default: throw DCAPIError.from(response: response, operation: operation)
        }
    }

    /// `POST /users` (200 in the spec; any 2xx accepted).
    public func createUser(_ user: UserCreation) async throws(DCAPIError) -> User {
        try await call(.post, "users", body: user)
    }

    /// `GET /users/{id}`.
    public func user(id: String) async throws(DCAPIError) -> User {
        try await call(.get, "users", id)
    }

    /// `GET /users?tenant_id=…`, every page: the users of one tenant.
    public func users(inTenant tenantID: String) async throws(DCAPIError) -> [User] {
        try await allPages(["users"], query: [("tenant_id", tenantID)])
    }

    /// `GET /users/{id}/access_policies`.
    public func accessPolicies(ofUser userID: String) async throws(DCAPIError) -> [AccessPolicy] {
        try await allPages(["users", userID, "access_policies"], query: [])
    }

    /// `PUT /users/{id}/access_policies`. Replaces the whole set: pass every policy to keep.
    public func setAccessPolicies(ofUser userID: String, _ policies: [AccessPolicy]) async throws(DCAPIError) -> [AccessPolicy] {
        struct Body: Encodable {
            var timestamp: String
            var items: [AccessPolicy]
        }
        let now = Timestamp.rfc3339(Date())
        let items = policies.map { policy in
            var policy = policy
            policy.createdAt = policy.createdAt ?? now
            policy.updatedAt = policy.updatedAt ?? now
            return policy
        }
        let page: Page<AccessPolicy> = try await call(.put, "users", userID, "access_policies", body: Body(timestamp: now, items: items))
        return page.items
    }

    /// `POST /users/{id}/password` → 204: activates the user with this password.
    ///
    /// Works only with an API-client token and for users below the partner (acronis-api.md §5.4).
    public func setPassword(ofUser userID: String, to password: Secret) async throws(DCAPIError) {
        try await callWithoutResult(.post, ["users", userID, "password"], body: ["password": password.revealed])
    }

    /// `POST /users/{id}/send-activation-email` with `{}` → 204.
    public func sendActivationEmail(toUser userID: String) async throws(DCAPIError) {
        try await callWithoutResult(.post, ["users", userID, "send-activation-email"], body: [String: String]())
    }

    // MARK: - Registration tokens

    /// `POST /tenants/{id}/registration_tokens` → 200. Issue it in the admin user's personal tenant
    /// with ``RegistrationTokenRequest/backupAgentAdmin(expiresIn:)`` (the official form).
    public func createRegistrationToken(in tenantID: String, _ request: RegistrationTokenRequest) async throws(DCAPIError) -> RegistrationToken {
        try await call(.post, "tenants", tenantID, "registration_tokens", body: request)
    }

    /// `GET /tenants/{id}/registration_tokens`.
    public func registrationTokens(in tenantID: String) async throws(DCAPIError) -> [RegistrationToken] {
        try await allPages(["tenants", tenantID, "registration_tokens"], query: [])
    }

    // MARK: - Plumbing

    private func call<Result: Decodable>(
        _ method: DCHTTPMethod, _ path: String..., query: [(String, String)] = []
    ) async throws(DCAPIError) -> Result {
        try await decoded(method, path, query: query, body: Optional<Data>.none)
    }

    private func call<Result: Decodable, Body: Encodable>(
        _ method: DCHTTPMethod, _ path: String..., query: [(String, String)] = [], body: Body
    ) async throws(DCAPIError) -> Result {
        try await decoded(method, path, query: query, body: try encode(body, operation: Self.label(method, path)))
    }

    private func callWithoutResult(
        _ method: DCHTTPMethod, _ path: [String], query: [(String, String)] = []
    ) async throws(DCAPIError) {
        let response = try await authorizedResponse(method, path, query: query, body: nil)
        try Self.expectSuccess(response, operation: Self.label(method, path))
    }

    private func callWithoutResult<Body: Encodable>(
        _ method: DCHTTPMethod, _ path: [String], query: [(String, String)] = [], body: Body
    ) async throws(DCAPIError) {
        let encoded = try encode(body, operation: Self.label(method, path))
        let response = try await authorizedResponse(method, path, query: query, body: encoded)
        try Self.expectSuccess(response, operation: Self.label(method, path))
    }

    private func decoded<Result: Decodable>(
        _ method: DCHTTPMethod, _ path: [String], query: [(String, String)], body: Data?
    ) async throws(DCAPIError) -> Result {
        let operation = Self.label(method, path)
        let response = try await authorizedResponse(method, path, query: query, body: body)
        try Self.expectSuccess(response, operation: operation)
        do {
            return try JSONDecoder().decode(Result.self, from: response.body)
        } catch {
            throw DCAPIError(
                code: .invalidResponse, operation: operation, status: response.status,
                message: "the response does not match the documented schema (\(DecodingFailure.summary(error)))")
        }
    }

    /// Reads every page of a cursor-paged list (acronis-api.md §8.5). A cursor that repeats is
    /// an error, never a silently shortened list.
    private func allPages<Item: Decodable & Sendable>(
        _ path: [String], query: [(String, String)]
    ) async throws(DCAPIError) -> [Item] {
        var items: [Item] = []
        var seenCursors: Set<String> = []
        var cursor: String?
        repeat {
            let pageQuery = query + (cursor.map { [("after", $0)] } ?? [])
            let page: Page<Item> = try await decoded(.get, path, query: pageQuery, body: nil)
            items += page.items
            cursor = page.nextCursor
            if let cursor, !seenCursors.insert(cursor).inserted {
                throw DCAPIError(
                    code: .incompleteList, operation: Self.label(.get, path),
                    message: "the data centre returned the same page cursor twice after \(items.count) items")
            }
        } while cursor != nil
        return items
    }

    /// Sends an authenticated request.
    ///
    /// A 401 renews the token and repeats the call (a 401 means the DC refused the request before
    /// processing it, so even a POST may be repeated):
    /// - once, if the token should still have been valid: a second refusal is ``DCAPIError/Code/unauthorized``;
    /// - up to ``maximumExpiredTokenRetries`` times, if the token expired while the request waited
    ///   in the scheduler's queue (a throttled DC can hold requests longer than a short-lived token lives).
    private func authorizedResponse(
        _ method: DCHTTPMethod, _ path: [String], query: [(String, String)], body: Data?
    ) async throws(DCAPIError) -> DCHTTPResponse {
        let operation = Self.label(method, path)
        var url = credentials.apiBaseURL
        for segment in path { url.append(path: segment) }
        if !query.isEmpty {
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            components?.percentEncodedQuery = FormEncoding.encode(query)
            if let withQuery = components?.url { url = withQuery }
        }
        var refusals = 0
        var expiredInTransit = 0
        while true {
            let token = try await tokens.token()
            var headers = [(name: "Authorization", value: "Bearer \(token.value.revealed)"), (name: "Accept", value: "application/json")]
            if body != nil { headers.append((name: "Content-Type", value: "application/json")) }
            let request = DCHTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout)
            let response = try await sender.send(request)
            logger.debug("dc call", metadata: ["dc.operation": "\(operation)", "dc.status": "\(response.status)"])
            guard response.status == 401 else { return response }
            await tokens.invalidate(token)
            if ContinuousClock.now + Self.expiryTolerance >= token.expiresAt, expiredInTransit < Self.maximumExpiredTokenRetries {
                expiredInTransit += 1
                continue
            }
            refusals += 1
            if refusals == 1 { continue }
            var error = DCAPIError.from(response: response, operation: operation)
            error.code = .unauthorized
            throw error
        }
    }

    /// How often a call is repeated because its token expired while it waited to be sent.
    static let maximumExpiredTokenRetries = 5
    /// Our idea of a token's expiry is computed on receipt, slightly after the DC issued it.
    static let expiryTolerance: Duration = .seconds(2)

    private func encode<Body: Encodable>(_ body: Body, operation: String) throws(DCAPIError) -> Data {
        do {
            return try JSONEncoder().encode(body)
        } catch {
            throw DCAPIError(code: .rejected, operation: operation, message: "the request body could not be encoded: \(error)")
        }
    }

    private static func expectSuccess(_ response: DCHTTPResponse, operation: String) throws(DCAPIError) {
        guard (200..<300).contains(response.status) else {
            throw DCAPIError.from(response: response, operation: operation)
        }
    }

    /// `METHOD /path` with ids kept: safe to log (ids are not secrets; query strings may hold logins).
    static func label(_ method: DCHTTPMethod, _ path: [String]) -> String {
        "\(method) /" + path.joined(separator: "/")
    }
}

/// RFC 3339 timestamps as the API writes them.
enum Timestamp {
    static func rfc3339(_ date: Date) -> String {
        date.ISO8601Format()
    }

    /// Parses a timestamp leniently: with or without fractional seconds, `Z` or an offset
    /// (the API returns several formats, acronis-api.md §8.5).
    static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// Short, secret-free descriptions of decoding failures.
enum DecodingFailure {
    static func summary(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "not JSON" }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected type at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context.codingPath))"
        @unknown default:
            return "undecodable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
