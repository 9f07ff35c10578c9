import Foundation
import NIOCore
import NIOFoundationCompat

/// NDJSON framing for JSON-RPC messages: one JSON object per line, ended by `\n`.
///
/// `JSONEncoder` without `.prettyPrinted` escapes newlines inside strings, so an encoded message never contains a
/// raw newline. Keys are sorted so the wire form is deterministic.
enum RPCWireFormat {
    /// Encodes `value` as one line, including the trailing `\n`.
    static func encodeLine(_ value: some Encodable) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var buffer = try encoder.encodeAsByteBuffer(value, allocator: ByteBufferAllocator())
        buffer.writeInteger(UInt8(ascii: "\n"))
        return buffer
    }

    /// Encodes a response; if its result can't be encoded (e.g. a non-finite number), an internal error instead.
    static func responseLine(_ response: RPCResponse) -> ByteBuffer {
        do {
            return try encodeLine(response)
        } catch {
            let fallback = RPCResponse.error(
                .internalError.with(message: "onboardd produced a result it cannot encode as JSON; report a bug"),
                id: response.id
            )
            // An error object with plain strings always encodes.
            return (try? encodeLine(fallback)) ?? ByteBuffer(string: "\n")
        }
    }

    /// Parses one line (without its terminator) into a request, or the error to answer with.
    static func request(from line: ByteBuffer) -> Result<RPCRequest, RPCFailure> {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: line)
        } catch {
            return .failure(RPCFailure(id: .null, error: .parseError))
        }
        return RPCRequest.validate(value)
    }
}
