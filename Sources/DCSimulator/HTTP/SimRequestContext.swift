import Hummingbird
import NIOCore

/// The request context of the simulator's router.
///
/// Besides Hummingbird's core storage it keeps the connection's `Channel` (so the drop-after-commit fault can close
/// the connection without writing a response), the authenticated caller, and a shared ``ExchangeNotes`` box through
/// which inner middleware tells the recorder what happened.
public struct SimRequestContext: RequestContext {
    /// Hummingbird's core context storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    public let channel: any Channel
    /// The caller, set by the authentication middleware.
    var principal: Principal?
    /// Notes about this exchange, shared with the outer recording middleware.
    let notes: ExchangeNotes

    /// Creates the context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
        self.principal = nil
        self.notes = ExchangeNotes()
    }

    /// The authenticated caller.
    /// - Throws: 401 if authentication did not run (a wiring bug).
    func caller() throws -> Principal {
        guard let principal else { throw APIError.unauthorized("Authentication is required") }
        return principal
    }
}
