import Foundation
import Glibc
import NIOCore

/// A blocking connection to the daemon's control socket, for `onboardctl`.
///
/// Every method blocks the calling thread; don't use it on the Swift concurrency pool. ``ControlSocketClient``
/// runs it on a dedicated thread for async callers.
///
/// ```swift
/// let connection = try ControlSocketConnection(path: "/run/onboardd.sock")
/// defer { connection.close() }
/// let info = try connection.call("daemon.info")
/// ```
public final class ControlSocketConnection {
    /// The socket path.
    public let path: String
    private let socket: UnixStreamSocket
    private var buffer: [UInt8] = []
    private var scanned = 0
    private var nextID = 1
    private var isClosed = false
    /// The longest accepted line from the daemon. Responses may be larger than requests (long lists).
    private let maximumLineLength: Int

    /// Connects to the daemon.
    ///
    /// - Parameters:
    ///   - path: The socket path. Defaults to `/run/onboardd.sock`.
    ///   - maximumLineLength: The longest message accepted from the daemon. Defaults to 64 MiB.
    /// - Throws: ``RPCError/unavailable`` (exit 69) if no daemon listens there (`ENOENT`, `ECONNREFUSED`), with the
    ///   hint `systemctl start onboardd`; ``RPCError/permissionDenied`` (exit 77) on `EACCES`, with the hint to join
    ///   group `onboard`; ``RPCError/invalidParams`` (exit 64) if the path is too long for a Unix socket.
    public init(path: String = "/run/onboardd.sock", maximumLineLength: Int = 64 << 20) throws(RPCError) {
        self.path = path
        self.maximumLineLength = maximumLineLength
        switch UnixStreamSocket.connect(to: path) {
        case .success(let socket):
            self.socket = socket
        case .failure(let errno):
            throw Self.connectError(errno, path: path)
        }
    }

    deinit {
        if !isClosed { socket.close() }
    }

    /// The error for a failed `connect(2)`.
    static func connectError(_ errno: Errno, path: String) -> RPCError {
        let details: [String: JSONValue] = ["path": .string(path), "errno": .integer(Int(errno.code))]
        switch errno.code {
        case ENOENT:
            return RPCError.unavailable.with(
                message: "onboardd is not running: there is no control socket at \(path). Start it with "
                    + "`systemctl start onboardd`, or pass --socket PATH if it listens elsewhere",
                details: details
            )
        case ECONNREFUSED:
            return RPCError.unavailable.with(
                message: "onboardd is not running: nothing listens on \(path). Start it with "
                    + "`systemctl start onboardd`",
                details: details
            )
        case EACCES, EPERM:
            return RPCError.permissionDenied.with(
                message: "permission denied on \(path): join group onboard (`sudo usermod -aG onboard $USER`, "
                    + "then log in again) or run onboardctl as root",
                details: details
            )
        case ENAMETOOLONG:
            return RPCError.invalidParams.with(
                message: "the socket path \(path) is too long for a Unix socket (at most 107 bytes); use a shorter path",
                details: details
            )
        case ENOTSOCK:
            return RPCError.unavailable.with(
                message: "\(path) is not a socket; check --socket PATH",
                details: details
            )
        default:
            return RPCError.unavailable.with(
                message: "cannot connect to onboardd at \(path): \(errno); check `systemctl status onboardd`",
                details: details
            )
        }
    }

    /// Calls `method` and waits for its response, passing notifications that arrive before it to `onNotification`.
    ///
    /// - Parameters:
    ///   - method: The method name, e.g. `daemon.info`.
    ///   - params: Named parameters. Defaults to none.
    ///   - timeout: How long to wait for the response; `nil` waits forever (for `--follow`). Defaults to 60 s.
    ///   - onNotification: Called on this thread for each notification before the response.
    /// - Returns: The result.
    /// - Throws: The daemon's error as an ``RPCError``; ``RPCError/timedOut`` when `timeout` passes;
    ///   ``RPCError/unavailable`` if the daemon closes the connection first.
    public func call(
        _ method: String,
        params: [String: JSONValue] = [:],
        timeout: Duration? = .seconds(60),
        onNotification: (RPCNotification) -> Void = { _ in }
    ) throws(RPCError) -> JSONValue {
        guard !isClosed else {
            throw RPCError.unavailable.with(message: "the control connection is closed; open a new one")
        }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        let id = nextID
        nextID += 1
        let request = RPCRequest(id: .number(id), method: method, params: params)
        let line: [UInt8]
        do {
            line = Array(try RPCWireFormat.encodeLine(request).readableBytesView)
        } catch {
            throw RPCError.invalidParams.with(message: "the parameters for \(method) cannot be encoded as JSON")
        }
        if case .failure(let failure) = socket.writeAll(line, deadline: deadline) {
            throw ioError(failure, method: method, timeout: timeout)
        }
        while true {
            let message = try nextLine(method: method, deadline: deadline, timeout: timeout)
            let value: JSONValue
            do {
                value = try JSONDecoder().decode(JSONValue.self, from: Data(message))
            } catch {
                throw protocolError("a line that is not JSON")
            }
            if value["method"] != nil, value["id"] == nil {
                guard let notification = try? JSONDecoder().decode(RPCNotification.self, from: Data(message)) else {
                    throw protocolError("a malformed notification")
                }
                onNotification(notification)
                continue
            }
            guard let response = try? JSONDecoder().decode(RPCResponse.self, from: Data(message)) else {
                throw protocolError("a malformed response")
            }
            guard response.id == .number(id) || response.id == .null else { continue }
            switch response.outcome {
            case .result(let result): return result
            case .error(let object): throw RPCError(object)
            }
        }
    }

    /// Closes the connection. Later calls fail.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        socket.close()
    }

    /// Makes a call blocked in another thread return (it sees the connection closed); see ``ControlSocketClient``.
    func interrupt() {
        socket.interrupt()
    }

    private func nextLine(method: String, deadline: ContinuousClock.Instant?, timeout: Duration?) throws(RPCError)
        -> [UInt8]
    {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                scanned = 0
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
                return line
            }
            scanned = buffer.count
            guard buffer.count <= maximumLineLength else {
                throw protocolError("a line longer than \(maximumLineLength) bytes")
            }
            switch socket.read(maximum: 64 << 10, deadline: deadline) {
            case .success(let bytes) where bytes.isEmpty:
                throw RPCError.unavailable.with(
                    message: "onboardd closed the connection before answering \(method) (it may be restarting, or "
                        + "it dropped a client that read too slowly); retry, and check `systemctl status onboardd`",
                    details: ["path": .string(path)]
                )
            case .success(let bytes):
                buffer += bytes
            case .failure(let failure):
                throw ioError(failure, method: method, timeout: timeout)
            }
        }
    }

    private func ioError(_ failure: SocketIOError, method: String, timeout: Duration?) -> RPCError {
        switch failure {
        case .timedOut:
            return RPCError.timedOut.with(
                message: "onboardd did not answer \(method) within \(timeout ?? .zero); it may be overloaded. Retry, "
                    + "and check `systemctl status onboardd` and `journalctl -u onboardd`",
                details: ["method": .string(method)]
            )
        case .system(let errno):
            return RPCError.unavailable.with(
                message: "the connection to onboardd at \(path) failed during \(method): \(errno); retry, and check "
                    + "`systemctl status onboardd`",
                details: ["path": .string(path), "errno": .integer(Int(errno.code))]
            )
        }
    }

    private func protocolError(_ what: String) -> RPCError {
        RPCError.internalError.with(
            message: "onboardd sent \(what); check that onboardctl and onboardd are the same version",
            details: ["path": .string(path)]
        )
    }
}
