/// Why ``InstallCommandRenderer`` refused to render install commands.
///
/// Follows the SSWG error pattern (`ServiceGroupError`, `HTTPClientError`): a struct wrapping a private code, with one
/// `static let` per code, so new codes can be added without breaking anyone's `switch`. Two errors are equal when
/// their codes are equal, so `catch let error as InstallCommandError where error == .genericLoginAddress` works.
///
/// The ``message`` names the cause and the fix. It never contains the registration token, and it shows a rejected
/// URL only as scheme, host and port: a user name, password, path or query is never echoed.
public struct InstallCommandError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case unsupportedScheme
        case invalidHost
        case urlHasCredentials
        case urlHasPath
        case urlHasQueryOrFragment
        case genericLoginAddress
        case invalidRegistrationToken
        case noComponents
        case unknownComponent
        case missingRequiredComponent
        case unquotableValue
    }

    private var code: Code

    /// What went wrong and how to fix it.
    public private(set) var message: String

    private init(_ code: Code, _ message: String = "") {
        self.code = code
        self.message = message
    }

    /// The data-centre URL is not `https` (plain `http` is accepted only for loopback hosts).
    public static let unsupportedScheme = InstallCommandError(.unsupportedScheme)
    /// The data-centre URL has no host, an ill-formed host, or an invalid port.
    public static let invalidHost = InstallCommandError(.invalidHost)
    /// The data-centre URL carries a user name or password.
    public static let urlHasCredentials = InstallCommandError(.urlHasCredentials)
    /// The data-centre URL has a path other than `/` or `/api/2`.
    public static let urlHasPath = InstallCommandError(.urlHasPath)
    /// The data-centre URL has a query string or a fragment.
    public static let urlHasQueryOrFragment = InstallCommandError(.urlHasQueryOrFragment)
    /// The URL is the generic login address `https://cloud.acronis.com`, not a data centre.
    public static let genericLoginAddress = InstallCommandError(.genericLoginAddress)
    /// The registration token is not of the form `XXXX-XXXX-XXXX`.
    public static let invalidRegistrationToken = InstallCommandError(.invalidRegistrationToken)
    /// A component list that must not be empty is empty.
    public static let noComponents = InstallCommandError(.noComponents)
    /// A component id is not one the installer documents.
    public static let unknownComponent = InstallCommandError(.unknownComponent)
    /// A component list lacks a component the others depend on.
    public static let missingRequiredComponent = InstallCommandError(.missingRequiredComponent)
    /// A value cannot be quoted safely for the shell it would be inserted into.
    public static let unquotableValue = InstallCommandError(.unquotableValue)

    static func unsupportedScheme(_ message: String) -> Self { .init(.unsupportedScheme, message) }
    static func invalidHost(_ message: String) -> Self { .init(.invalidHost, message) }
    static func urlHasCredentials(_ message: String) -> Self { .init(.urlHasCredentials, message) }
    static func urlHasPath(_ message: String) -> Self { .init(.urlHasPath, message) }
    static func urlHasQueryOrFragment(_ message: String) -> Self { .init(.urlHasQueryOrFragment, message) }
    static func genericLoginAddress(_ message: String) -> Self { .init(.genericLoginAddress, message) }
    static func invalidRegistrationToken(_ message: String) -> Self { .init(.invalidRegistrationToken, message) }
    static func noComponents(_ message: String) -> Self { .init(.noComponents, message) }
    static func unknownComponent(_ message: String) -> Self { .init(.unknownComponent, message) }
    static func missingRequiredComponent(_ message: String) -> Self { .init(.missingRequiredComponent, message) }
    static func unquotableValue(_ message: String) -> Self { .init(.unquotableValue, message) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String { "cannot render agent install commands: \(message)" }
}
