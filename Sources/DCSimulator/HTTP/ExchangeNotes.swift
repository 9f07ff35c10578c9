import Synchronization

/// Facts about one request/response exchange that inner layers report to the recorder.
///
/// The request context is passed down by value, so inner middleware cannot hand values back up through it; this
/// reference box is shared instead.
final class ExchangeNotes: Sendable {
    struct Values: Sendable {
        /// API client id of the caller, if any (OPS-1 `client_id`).
        var clientID: String?
        /// User id of the caller for user tokens.
        var userID: String?
        /// Name of the injected fault, if one answered the request.
        var fault: String?
        /// The response was committed but the connection was closed without sending it.
        var dropped = false
    }

    private let values = Mutex(Values())

    /// A copy of the notes.
    var snapshot: Values { values.withLock { $0 } }

    /// Edits the notes.
    func update(_ body: (inout Values) -> Void) {
        values.withLock { body(&$0) }
    }
}
