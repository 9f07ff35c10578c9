import Foundation
import Testing

@testable import OnboardCore

@Suite("DC API error decoding")
struct DCAPIErrorTests {
    @Test("the Acronis envelope yields code, domain and message")
    func envelope() {
        let response = DCHTTPResponse.json(
            409,
            #"{"error":{"code":1004,"domain":"PlatformAccountServer","message":"Tenant name is already used","details":{"info":"name: Contoso"},"context":{},"data":[]}}"#)
        let error = DCAPIError.from(response: response, operation: "POST /tenants")
        #expect(error.code == .conflict)
        #expect(error.status == 409)
        #expect(error.acronisCode == 1004)
        #expect(error.isNameTaken)
        #expect(error.domain == "PlatformAccountServer")
        #expect(error.message == "Tenant name is already used: name: Contoso")
        #expect(error.description.contains("POST /tenants failed, HTTP 409, Acronis error 1004"))
    }

    @Test("a string error code that holds a number is read as the number")
    func stringCode() {
        let error = DCAPIError.from(response: .json(400, #"{"error":{"code":"1015","message":"conflict"}}"#), operation: "PUT /x")
        #expect(error.acronisCode == 1015)
        #expect(error.isStorageConflict)
    }

    @Test("the OAuth shape of /idp/token is recognised")
    func oauth() {
        let response = DCHTTPResponse.json(
            401, #"{"error":"invalid_client","error_description":"Client authentication failed","domain":"Access","reason":"InvalidClient"}"#)
        let error = DCAPIError.from(response: response, operation: "POST /idp/token")
        #expect(error.code == .badCredentials)
        #expect(error.oauthError == "invalid_client")
        #expect(error.domain == "Access")
        #expect(error.message == "Client authentication failed")
        #expect(error.description.contains("check the API client id and secret"))
    }

    @Test("a non-JSON body becomes the message; an empty one the reason phrase")
    func rawText() {
        #expect(DCAPIError.from(response: DCHTTPResponse(status: 502, body: Data("upstream down".utf8)), operation: "GET /t").message == "upstream down")
        let empty = DCAPIError.from(response: DCHTTPResponse(status: 426), operation: "PUT /t")
        #expect(empty.message == "Upgrade Required")
        #expect(empty.code == .quotaVersionMismatch)
    }

    @Test("statuses map to codes", arguments: [
        (401, DCAPIError.Code.unauthorized), (403, .forbidden), (404, .notFound), (409, .conflict), (426, .quotaVersionMismatch),
        (400, .rejected), (415, .rejected), (500, .serverError), (503, .serverError),
    ])
    func statusCodes(status: Int, code: DCAPIError.Code) {
        #expect(DCAPIError.code(forStatus: status) == code)
    }
}
