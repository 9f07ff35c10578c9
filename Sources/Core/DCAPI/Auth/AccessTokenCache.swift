import Foundation
import Logging

/// Caches the bearer token of one partner account (DC URL + client id).
///
/// - Single flight: however many callers need a token at once, one `POST /idp/token` is made and
///   every caller receives its result.
/// - Tokens are renewed ahead of expiry (see ``AccessToken``).
/// - ``invalidate(_:)`` drops a token the DC refused with 401, once: callers that saw the same
///   stale token do not each force a new one.
///
/// The cache does no unstructured work: the caller that finds no fresh token performs the
/// refresh in its own task while the others wait for its result.
public actor AccessTokenCache {
    /// What the cache holds, for status displays. Carries no secret.
    public enum State: Sendable, Hashable {
        case empty
        case valid(expiresAt: Date)
        case refreshing
        case failed(DCAPIError)
    }

    private let credentials: PartnerCredentials
    private let sender: any DCRequestSending
    private let logger: Logger
    private let timeout: Duration
    private var current: AccessToken?
    private var refreshWaiters: [CheckedContinuation<AccessToken, any Error>] = []
    private var isRefreshing = false
    private var lastFailure: DCAPIError?
    /// Number of token requests made, for tests and status.
    public private(set) var tokenRequestCount = 0
    /// Callers waiting for the refresh in flight.
    var waitingCallers: Int { refreshWaiters.count }

    public init(credentials: PartnerCredentials, sender: any DCRequestSending, logger: Logger, timeout: Duration = .seconds(30)) {
        self.credentials = credentials
        self.sender = sender
        self.logger = logger
        self.timeout = timeout
    }

    public var state: State {
        if isRefreshing { return .refreshing }
        if let current, current.expiresAt > .now { return .valid(expiresAt: current.expiresAtDate) }
        if let lastFailure { return .failed(lastFailure) }
        return .empty
    }

    /// A token that is fresh now, requesting a new one if needed.
    public func token() async throws(DCAPIError) -> AccessToken {
        while true {
            if let current, current.isFresh(at: .now) { return current }
            if isRefreshing {
                do {
                    return try await withCheckedThrowingContinuation { refreshWaiters.append($0) }
                } catch let error as DCAPIError where error.code != .cancelled {
                    throw error
                } catch {
                    // The caller that was refreshing was cancelled (not this one): try again, possibly
                    // as the new leader.
                    try Self.checkCancellation(credentials: credentials)
                    continue
                }
            }
            return try await refresh()
        }
    }

    /// Forgets `token` if it is still the cached one, so the next ``token()`` call fetches a new one.
    public func invalidate(_ token: AccessToken) {
        if current == token {
            current = nil
            logger.info("access token refused by the data centre; it will be renewed", metadata: ["dc": "\(credentials.dataCenterURL)"])
        }
    }

    private func refresh() async throws(DCAPIError) -> AccessToken {
        isRefreshing = true
        tokenRequestCount += 1
        let result: Result<AccessToken, any Error>
        do {
            result = .success(try await requestToken())
        } catch {
            result = .failure(error)
        }
        isRefreshing = false
        let waiters = refreshWaiters
        refreshWaiters.removeAll()
        switch result {
        case .success(let token):
            current = token
            lastFailure = nil
            logger.info(
                "access token issued",
                metadata: [
                    LogEvent.metadataKey: "\(LogEvent.tokenRefreshed.rawValue)", "dc": "\(credentials.dataCenterURL)", "client_id": "\(credentials.clientID)",
                    "token.expires_at": "\(token.expiresAtDate)",
                ]
            )
            for waiter in waiters { waiter.resume(returning: token) }
            return token
        case .failure(let error):
            let apiError = error as? DCAPIError
            if let apiError { lastFailure = apiError }
            for waiter in waiters { waiter.resume(throwing: error) }
            throw apiError ?? DCAPIError(code: .unavailable, operation: "POST /idp/token", message: "cancelled")
        }
    }

    private func requestToken() async throws(DCAPIError) -> AccessToken {
        var form = [("grant_type", "client_credentials")]
        var headers = [(name: "Content-Type", value: "application/x-www-form-urlencoded"), (name: "Accept", value: "application/json")]
        if credentials.sendsSecretInForm {
            form.append(("client_id", credentials.clientID))
            form.append(("client_secret", credentials.clientSecret.revealed))
        } else {
            let basic = Data("\(credentials.clientID):\(credentials.clientSecret.revealed)".utf8).base64EncodedString()
            headers.append((name: "Authorization", value: "Basic \(basic)"))
        }
        let request = DCHTTPRequest(
            method: .post,
            url: credentials.apiBaseURL.appending(path: "idp/token"),
            headers: headers,
            body: Data(FormEncoding.encode(form).utf8),
            timeout: timeout,
            isIdempotent: true  // issuing a token creates nothing that must not be doubled
        )
        let operation = "POST /idp/token"
        let response = try await sender.send(request)
        guard response.status == 200 else {
            var error = DCAPIError.from(response: response, operation: operation)
            if response.status == 400 || response.status == 401 || response.status == 403 {
                error.code = .badCredentials
            }
            throw error
        }
        let grant: TokenGrant
        do {
            grant = try JSONDecoder().decode(TokenGrant.self, from: response.body)
        } catch {
            throw DCAPIError(code: .invalidResponse, operation: operation, status: 200, message: "the token response does not decode")
        }
        return AccessToken(grant: grant, receivedAt: .now, receivedAtDate: Date())
    }

    private static func checkCancellation(credentials: PartnerCredentials) throws(DCAPIError) {
        if Task.isCancelled {
            throw DCAPIError(code: .unavailable, operation: "POST /idp/token", message: "cancelled while waiting for a token")
        }
    }
}

/// `application/x-www-form-urlencoded` and query-string encoding.
enum FormEncoding {
    /// RFC 3986 unreserved characters; everything else is percent-encoded (so `+` and `@` survive).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }
}
