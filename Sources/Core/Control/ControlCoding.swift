import Foundation

/// Converts the control API's `Codable` types to and from ``JSONValue``, with the one date format of the wire
/// (ISO 8601, UTC, whole seconds).
public enum ControlCoding {
    /// The value as JSON.
    ///
    /// - Throws: ``RPCError/internalError`` if it cannot be encoded (a bug).
    public static func encode(_ value: some Encodable) throws(RPCError) -> JSONValue {
        do {
            let data = try encoder.encode(value)
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw RPCError.internalError.with(message: "cannot encode a \(type(of: value)) as JSON (\(error)); report a bug")
        }
    }

    /// Decodes a method's parameters.
    ///
    /// - Throws: ``RPCError/invalidParams`` naming the member that is missing or mistyped.
    public static func decodeParams<T: Decodable>(_ type: T.Type, from params: [String: JSONValue]) throws(RPCError) -> T {
        do {
            return try decoder.decode(T.self, from: JSONEncoder().encode(JSONValue.object(params)))
        } catch let error as DecodingError {
            throw RPCError.invalidParams.with(message: "the parameters are not valid: \(describe(error)); see docs/control-protocol.md")
        } catch {
            throw RPCError.invalidParams.with(message: "the parameters are not valid: \(error)")
        }
    }

    /// Decodes a result (client side).
    ///
    /// - Throws: ``RPCError/internalError`` saying the daemon answered something this client does not understand.
    public static func decodeResult<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(RPCError) -> T {
        do {
            return try decoder.decode(T.self, from: JSONEncoder().encode(value))
        } catch {
            throw RPCError.internalError.with(
                message: "onboardd answered with a \(T.self) this onboardctl cannot read (\(error)); use onboardctl and onboardd of the same version")
        }
    }

    /// Sorted keys, ISO 8601 dates: the encoder of every control-API value.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// ISO 8601 dates: the decoder of every control-API value.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "the parameters" : "\"\(text)\""
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\"\(key.stringValue)\" is missing" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(let type, let context): return "\(path(context)) must be a \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) must be a \(type), not null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
