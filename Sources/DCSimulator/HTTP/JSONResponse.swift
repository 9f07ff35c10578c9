import Hummingbird

/// Builds JSON responses.
enum JSONResponse {
    /// A response with a JSON body and `Content-Type: application/json`.
    static func make(status: HTTPResponse.Status, body: JSON, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = body.encodedData()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `200 OK` with a JSON body.
    static func ok(_ body: JSON) -> Response { make(status: .ok, body: body) }

    /// `204 No Content`.
    static func noContent() -> Response { Response(status: .noContent) }
}
