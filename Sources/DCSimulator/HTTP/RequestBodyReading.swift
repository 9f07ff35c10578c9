import Foundation
import Hummingbird

/// Largest request body the simulator accepts.
let maximumRequestBodySize = 4 * 1024 * 1024

extension Request {
    /// `true` if the `Content-Type` header names JSON (`application/json` or `application/*+json`).
    var hasJSONContentType: Bool {
        guard let value = headers[.contentType]?.lowercased() else { return false }
        let mediaType = value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// Reads the body of a JSON endpoint.
    ///
    /// - A body whose `Content-Type` is not JSON gets 415 (GEN-1, [SPEC], [DOC-CODES]).
    /// - A JSON body that does not parse gets 400.
    /// - Parameter required: when `false`, an empty body yields `nil` instead of an error.
    mutating func jsonBody(required: Bool = true) async throws -> JSON? {
        let buffer = try await collectBody(upTo: maximumRequestBodySize)
        if buffer.readableBytes == 0 {
            if !required { return nil }
            if !hasJSONContentType {
                throw APIError.unsupportedMediaType(
                    "This endpoint takes a JSON body with 'Content-Type: application/json'; the request has no body"
                )
            }
            throw APIError.badRequest("The request body is empty; a JSON object is required")
        }
        guard hasJSONContentType else {
            let sent = headers[.contentType] ?? "none"
            throw APIError.unsupportedMediaType(
                "Unsupported Content-Type '\(sent)': this endpoint takes 'application/json'"
            )
        }
        do {
            return try JSON.parse(buffer)
        } catch {
            throw APIError.badRequest("The request body is not valid JSON")
        }
    }

    /// Reads the body of a JSON endpoint that must be an object.
    mutating func jsonObject() async throws -> JSONObjectReader {
        try JSONObjectReader(try await jsonBody() ?? .null, context: "request body")
    }

    /// Query parameter `name`, or `nil`.
    func query(_ name: String) -> String? {
        uri.queryParameters[name[...]].map(String.init)
    }

    /// All query parameters as a dictionary (the last value wins).
    var queryDictionary: [String: String] {
        var result: [String: String] = [:]
        for (key, value) in uri.queryParameters {
            result[String(key)] = String(value)
        }
        return result
    }
}
