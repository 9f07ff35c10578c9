import Foundation
import Synchronization

@testable import OnboardCore

/// A DC stand-in for client unit tests: answers each request with a handler and records them.
final class FakeSender: DCRequestSending {
    typealias Handler = @Sendable (DCHTTPRequest) async throws(DCAPIError) -> DCHTTPResponse

    private let handler: Handler
    private let recorded = Mutex<[DCHTTPRequest]>([])

    init(_ handler: @escaping Handler) { self.handler = handler }

    var requests: [DCHTTPRequest] { recorded.withLock { $0 } }

    func requests(to pathSuffix: String) -> [DCHTTPRequest] {
        requests.filter { $0.url.path.hasSuffix(pathSuffix) }
    }

    func send(_ request: DCHTTPRequest) async throws(DCAPIError) -> DCHTTPResponse {
        recorded.withLock { $0.append(request) }
        return try await handler(request)
    }
}

extension DCHTTPResponse {
    static func json(_ status: Int, _ text: String) -> DCHTTPResponse {
        DCHTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    static func token(_ value: String = "tok", expiresIn: Int = 7200) -> DCHTTPResponse {
        .json(200, #"{"access_token":"\#(value)","token_type":"bearer","id_token":"x","expires_in":\#(expiresIn)}"#)
    }
}

extension DCHTTPRequest {
    var queryItems: [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    }

    var authorization: String? { headers.first { $0.name == "Authorization" }?.value }

    var jsonBody: [String: Any]? {
        body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}

let testCredentials = PartnerCredentials(
    dataCenterURL: URL(string: "https://dc.example")!, clientID: "client-1", clientSecret: Secret("s3cret-value"))
