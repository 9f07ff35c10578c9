import Foundation
import NIOCore
import Testing

@testable import OnboardCore

@Suite("JSON-RPC model: requests, responses, errors and exit codes")
struct RPCModelTests {
    private func encode(_ value: some Encodable) throws -> String {
        String(decoding: try RPCWireFormat.encodeLine(value).readableBytesView, as: UTF8.self)
    }

    @Test("a request encodes as one line with jsonrpc 2.0, and a string with a newline stays on it")
    func requestLine() throws {
        let line = try encode(RPCRequest(id: .number(1), method: "echo", params: ["text": "a\nb"]))
        #expect(line == #"{"id":1,"jsonrpc":"2.0","method":"echo","params":{"text":"a\nb"}}"# + "\n")
    }

    @Test("responses round-trip for results and errors")
    func responseRoundTrip() throws {
        for response in [
            RPCResponse.result(["a": [1, 2.5, "x", nil, true]], id: .string("r1")),
            RPCResponse.error(.conflict.with(message: "same key, other content", details: ["key": "k"]), id: .number(7)),
        ] {
            let data = Data(try encode(response).utf8)
            #expect(try JSONDecoder().decode(RPCResponse.self, from: data) == response)
        }
    }

    @Test("invalid shapes are refused with -32600 or -32602, naming the fix")
    func validation() {
        func failure(_ value: JSONValue) -> RPCFailure? {
            if case .failure(let failure) = RPCRequest.validate(value) { return failure }
            return nil
        }
        #expect(failure(["id": 1, "method": "x"])?.error == .invalidRequest)  // no jsonrpc
        #expect(failure(["jsonrpc": "2.0", "id": 1])?.error == .invalidRequest)  // no method
        #expect(failure(["jsonrpc": "2.0", "id": 1.5, "method": "x"])?.error == .invalidRequest)
        #expect(failure([["jsonrpc": "2.0", "id": 1, "method": "x"]])?.error.message.contains("batch") == true)
        #expect(failure(["jsonrpc": "2.0", "id": 1, "method": "x", "params": [1]])?.error == .invalidParams)
        #expect(failure(["jsonrpc": "2.0", "id": "a", "method": "x", "params": [1]])?.id == .string("a"))
        let notification = RPCRequest.validate(["jsonrpc": "2.0", "method": "x"])
        #expect((try? notification.get())?.isNotification == true)
    }

    @Test("each error kind has its code, qualified name and sysexits exit code")
    func errorMapping() {
        let table: [(RPCError, Int, String, Int32)] = [
            (.parseError, -32700, "io.onboard.ParseError", 1),
            (.invalidRequest, -32600, "io.onboard.InvalidRequest", 64),
            (.methodNotFound, -32601, "io.onboard.MethodNotFound", 69),
            (.invalidParams, -32602, "io.onboard.InvalidParams", 64),
            (.internalError, -32603, "io.onboard.Internal", 1),
            (.unavailable, -32000, "io.onboard.Unavailable", 69),
            (.busy, -32001, "io.onboard.Busy", 75),
            (.timedOut, -32002, "io.onboard.Timeout", 75),
            (.permissionDenied, -32003, "io.onboard.PermissionDenied", 77),
            (.notFound, -32004, "io.onboard.NotFound", 1),
            (.conflict, -32005, "io.onboard.Conflict", 65),
            (.invalidData, -32006, "io.onboard.InvalidData", 65),
        ]
        for (error, code, type, exit) in table {
            #expect(error.code == code)
            #expect(error.typeName == type)
            #expect(error.exitCode == exit)
            let object = error.with(message: "m", details: ["k": "v"]).errorObject
            #expect(object.type == type)
            let back = RPCError(object)
            #expect(back == error)
            #expect(back.message == "m")
            #expect(back.details == ["k": "v"])
        }
    }

    @Test("an unknown error name from a newer daemon keeps its code and name and exits 1")
    func unknownError() {
        let error = RPCError(RPCErrorObject(code: -32050, message: "new", data: ["type": "io.onboard.Future"]))
        #expect(error.code == -32050)
        #expect(error.typeName == "io.onboard.Future")
        #expect(error.exitCode == 1)
        #expect(RPCError(RPCErrorObject(code: -32601, message: "no such method")) == .methodNotFound)
    }
}
