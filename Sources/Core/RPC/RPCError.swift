/// An error on the control socket: the one place where failures map to JSON-RPC error codes, qualified error names
/// and `onboardctl` exit codes.
///
/// Follows the SSWG error pattern (`ServiceGroupError`, `HTTPClientError`): a struct wrapping a private code, with
/// one `static let` per kind, so kinds can be added without breaking anyone's `switch`. Two errors are equal when
/// their kinds are equal; message and details are ignored, so `catch let error where error == .notFound` works.
/// Add the specifics with ``with(message:details:)``:
///
/// ```swift
/// throw RPCError.notFound.with(
///     message: "no onboarding ob_42; list onboardings with `onboardctl list`",
///     details: ["id": "ob_42"]
/// )
/// ```
///
/// | Kind | JSON-RPC code | `data.type` | exit |
/// |---|---|---|---|
/// | ``parseError`` | −32700 | `io.onboard.ParseError` | 1 |
/// | ``invalidRequest`` | −32600 | `io.onboard.InvalidRequest` | 64 |
/// | ``methodNotFound`` | −32601 | `io.onboard.MethodNotFound` | 69 |
/// | ``invalidParams`` | −32602 | `io.onboard.InvalidParams` | 64 |
/// | ``internalError`` | −32603 | `io.onboard.Internal` | 1 |
/// | ``unavailable`` | −32000 | `io.onboard.Unavailable` | 69 |
/// | ``busy`` | −32001 | `io.onboard.Busy` | 75 |
/// | ``timedOut`` | −32002 | `io.onboard.Timeout` | 75 |
/// | ``permissionDenied`` | −32003 | `io.onboard.PermissionDenied` | 77 |
/// | ``notFound`` | −32004 | `io.onboard.NotFound` | 1 |
/// | ``conflict`` | −32005 | `io.onboard.Conflict` | 65 |
/// | ``invalidData`` | −32006 | `io.onboard.InvalidData` | 65 |
///
/// Exit codes are from `sysexits.h`: 64 `EX_USAGE`, 65 `EX_DATAERR`, 69 `EX_UNAVAILABLE`, 75 `EX_TEMPFAIL`,
/// 77 `EX_NOPERM`; 1 is a generic failure. An error object from a newer daemon with an unknown `data.type` keeps
/// its code and name and exits 1.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case parseError
        case invalidRequest
        case methodNotFound
        case invalidParams
        case internalError
        case unavailable
        case busy
        case timedOut
        case permissionDenied
        case notFound
        case conflict
        case invalidData
        case other(code: Int, type: String)
    }

    private var kind: Kind
    /// A sentence naming the cause and the fix.
    public var message: String
    /// Extra members of `error.data` besides `type`.
    public var details: [String: JSONValue]

    private init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
        self.details = [:]
    }

    /// The line was not valid JSON (−32700).
    public static let parseError = RPCError(
        .parseError,
        "the request is not valid JSON; send one JSON-RPC 2.0 object per line"
    )
    /// The JSON is not a valid request object, or the line is too long (−32600).
    public static let invalidRequest = RPCError(.invalidRequest, "the request is not a valid JSON-RPC 2.0 request")
    /// The daemon has no such method (−32601); usually `onboardctl` and `onboardd` versions differ.
    public static let methodNotFound = RPCError(
        .methodNotFound,
        "onboardd has no such method; check that onboardctl and onboardd are the same version"
    )
    /// The parameters are missing, mistyped or out of range (−32602).
    public static let invalidParams = RPCError(.invalidParams, "the parameters are not valid for this method")
    /// A bug or an unexpected failure inside the daemon (−32603).
    public static let internalError = RPCError(
        .internalError,
        "onboardd failed unexpectedly; see `journalctl -u onboardd` and report a bug"
    )
    /// The daemon is not running, not reachable, or shutting down (exit 69).
    public static let unavailable = RPCError(
        .unavailable,
        "onboardd is not available; start it with `systemctl start onboardd`"
    )
    /// The daemon is too busy right now, e.g. it serves its maximum number of control connections (exit 75).
    public static let busy = RPCError(.busy, "onboardd is busy; retry in a moment")
    /// The call did not finish within its time limit (exit 75).
    public static let timedOut = RPCError(
        .timedOut,
        "the call did not finish in time; retry, and check `systemctl status onboardd` if it keeps happening"
    )
    /// The caller may not make this call (exit 77).
    public static let permissionDenied = RPCError(
        .permissionDenied,
        "permission denied; join group onboard or run as root"
    )
    /// The named object does not exist (exit 1).
    public static let notFound = RPCError(.notFound, "not found")
    /// The call conflicts with existing state, e.g. the same idempotency key with different content (exit 65).
    public static let conflict = RPCError(.conflict, "the request conflicts with existing state")
    /// The submitted data is invalid, e.g. an onboarding request that fails validation (exit 65).
    public static let invalidData = RPCError(.invalidData, "the submitted data is invalid")

    /// A copy with a specific message and details.
    ///
    /// - Parameters:
    ///   - message: A sentence naming the cause and the fix.
    ///   - details: Extra members for `error.data` (the `type` member is always set from the kind). Defaults to
    ///     none.
    public func with(message: String, details: [String: JSONValue] = [:]) -> RPCError {
        var copy = self
        copy.message = message
        copy.details = details
        return copy
    }

    /// The JSON-RPC error code.
    public var code: Int {
        switch kind {
        case .parseError: -32700
        case .invalidRequest: -32600
        case .methodNotFound: -32601
        case .invalidParams: -32602
        case .internalError: -32603
        case .unavailable: -32000
        case .busy: -32001
        case .timedOut: -32002
        case .permissionDenied: -32003
        case .notFound: -32004
        case .conflict: -32005
        case .invalidData: -32006
        case .other(let code, _): code
        }
    }

    /// The qualified error name put in `error.data.type`, e.g. `io.onboard.NotFound`.
    public var typeName: String {
        switch kind {
        case .parseError: "io.onboard.ParseError"
        case .invalidRequest: "io.onboard.InvalidRequest"
        case .methodNotFound: "io.onboard.MethodNotFound"
        case .invalidParams: "io.onboard.InvalidParams"
        case .internalError: "io.onboard.Internal"
        case .unavailable: "io.onboard.Unavailable"
        case .busy: "io.onboard.Busy"
        case .timedOut: "io.onboard.Timeout"
        case .permissionDenied: "io.onboard.PermissionDenied"
        case .notFound: "io.onboard.NotFound"
        case .conflict: "io.onboard.Conflict"
        case .invalidData: "io.onboard.InvalidData"
        case .other(_, let type): type
        }
    }

    /// The `onboardctl` exit status for this error (`sysexits.h`).
    public var exitCode: Int32 {
        switch kind {
        case .invalidRequest, .invalidParams: 64
        case .conflict, .invalidData: 65
        case .methodNotFound, .unavailable: 69
        case .busy, .timedOut: 75
        case .permissionDenied: 77
        case .parseError, .internalError, .notFound, .other: 1
        }
    }

    /// The wire form: code, message and `data` with `type` plus ``details``.
    public var errorObject: RPCErrorObject {
        var data = details
        data["type"] = .string(typeName)
        return RPCErrorObject(code: code, message: message, data: .object(data))
    }

    /// The error an error object stands for: matched by `data.type`, else by code for the standard JSON-RPC codes,
    /// else kept as an unknown kind with the object's code and name.
    public init(_ object: RPCErrorObject) {
        let all: [RPCError] = [
            .parseError, .invalidRequest, .methodNotFound, .invalidParams, .internalError, .unavailable, .busy,
            .timedOut, .permissionDenied, .notFound, .conflict, .invalidData,
        ]
        let type = object.type
        let known =
            all.first { $0.typeName == type }
            ?? (type == nil ? all.first { $0.code == object.code && $0.code <= -32600 } : nil)
        var error = known ?? RPCError(.other(code: object.code, type: type ?? "io.onboard.Unknown"), "")
        error.message = object.message
        var details = object.data?.objectValue ?? [:]
        details["type"] = nil
        error.details = details
        self = error
    }

    public var description: String { "\(typeName): \(message)" }

    public static func == (lhs: RPCError, rhs: RPCError) -> Bool { lhs.kind == rhs.kind }

    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}
