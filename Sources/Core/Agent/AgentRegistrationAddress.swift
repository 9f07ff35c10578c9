import Foundation

/// The exact data-centre URL an agent registers with: scheme, host and optional port, nothing else.
///
/// The installers' `--reg-address`, `--rain`, `REGISTRATION_ADDRESS` and RegisterAgent's `-a` must be given the
/// **exact** data-centre URL, the one the browser shows after login (for example `https://eu2-cloud.acronis.com`),
/// never the generic login address `https://cloud.acronis.com` (acronis-api.md §7.0). Creating an address validates
/// and normalises a URL:
///
/// - The scheme must be `https`. Plain `http` is accepted only for loopback hosts (`localhost`, `127.0.0.0/8`,
///   `[::1]`), which the onboard DC simulator uses; ``isPlainHTTPLoopback`` is then `true`.
/// - The path may be empty, `/` or `/api/2` (with or without a trailing slash), so both
///   ``PartnerCredentials/dataCenterURL`` and ``PartnerCredentials/apiBaseURL`` are accepted; it is dropped.
/// - A user name, password, query or fragment is refused, and so is the host `cloud.acronis.com`.
/// - The host must be ASCII (write an internationalised name in its `xn--` form); it is lower-cased and a trailing
///   dot is dropped. The port is kept unless it is the scheme's default.
public struct AgentRegistrationAddress: Sendable, Hashable, CustomStringConvertible {
    /// The normalised URL, e.g. `https://eu2-cloud.acronis.com`: no path, no trailing slash.
    public let url: URL

    /// The normalised URL as the string the installers are given.
    public let string: String

    /// `true` when the URL is plain `http` to a loopback host, as with the DC simulator. A real agent cannot
    /// register with such an address.
    public let isPlainHTTPLoopback: Bool

    /// The generic login host, which is not a data centre.
    static let genericLoginHost = "cloud.acronis.com"

    /// Validates and normalises a data-centre URL.
    ///
    /// - Parameter url: The data-centre URL, with or without `/api/2`.
    /// - Throws: ``InstallCommandError`` with ``InstallCommandError/unsupportedScheme``,
    ///   ``InstallCommandError/invalidHost``, ``InstallCommandError/urlHasCredentials``,
    ///   ``InstallCommandError/urlHasPath``, ``InstallCommandError/urlHasQueryOrFragment`` or
    ///   ``InstallCommandError/genericLoginAddress``.
    public init(_ url: URL) throws(InstallCommandError) {
        let example = "e.g. https://eu2-cloud.acronis.com"
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased()
        else {
            throw .invalidHost(
                "the data-centre URL is not an absolute URL; give the exact data-centre URL the browser shows after "
                    + "login, \(example)"
            )
        }
        guard scheme == "https" || scheme == "http" else {
            throw .unsupportedScheme(
                "the data-centre URL has the scheme \"\(Self.printable(scheme))\"; agents register over https, so give "
                    + "the https:// URL of the data centre, \(example)"
            )
        }
        if components.user != nil || components.password != nil {
            throw .urlHasCredentials(
                "the data-centre URL contains a user name or password; remove them (agents register with the "
                    + "registration token) and give only the data-centre URL, \(example)"
            )
        }
        let host = try Self.normalisedHost(of: url, scheme: scheme)
        var origin = "\(scheme)://\(host)"
        if let port = components.port {
            guard (1...65_535).contains(port) else {
                throw .invalidHost(
                    "the data-centre URL \(origin) has the invalid port \(port); use a port from 1 to 65535"
                )
            }
            let isDefault = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
            if !isDefault { origin += ":\(port)" }
        }
        if host == Self.genericLoginHost {
            throw .genericLoginAddress(
                "\(origin) is the generic login address, not a data centre: an agent given it with a registration "
                    + "token does not register. Use the exact data-centre URL the browser shows after login, \(example)"
            )
        }
        let isLoopback = Self.isLoopback(host)
        if scheme == "http" && !isLoopback {
            throw .unsupportedScheme(
                "\(origin) is plain http; agents register over https, so give the https:// URL of the data centre, "
                    + "\(example) (plain http is accepted only for loopback hosts such as the onboard DC simulator)"
            )
        }
        let path = components.percentEncodedPath
        guard ["", "/", "/api/2", "/api/2/"].contains(path) else {
            throw .urlHasPath(
                "the data-centre URL \(origin) has a path; give only scheme, host and optional port, like \(origin) "
                    + "(\"/api/2\" is accepted and dropped)"
            )
        }
        if components.percentEncodedQuery != nil || components.percentEncodedFragment != nil {
            throw .urlHasQueryOrFragment(
                "the data-centre URL \(origin) has a query or fragment (after ? or #); remove it and give only \(origin)"
            )
        }
        guard let normalised = URL(string: origin) else {
            throw .invalidHost("the data-centre URL \(origin) cannot be normalised; check its host name")
        }
        self.url = normalised
        self.string = origin
        self.isPlainHTTPLoopback = scheme == "http"
    }

    public var description: String { string }

    // MARK: Host rules

    /// The host, lower-cased, without a trailing dot, IPv6 literals in brackets; refuses anything but an ASCII DNS
    /// name, an IPv4 address or an IPv6 literal.
    private static func normalisedHost(of url: URL, scheme: String) throws(InstallCommandError) -> String {
        guard var host = url.host(percentEncoded: true)?.lowercased(), !host.isEmpty else {
            throw .invalidHost(
                "the data-centre URL has no host; give the exact data-centre URL, e.g. https://eu2-cloud.acronis.com"
            )
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.contains(":") {
            let allowed = Set("0123456789abcdef:.".unicodeScalars)
            guard host.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
                throw .invalidHost("the data-centre URL's IPv6 host is not a plain IPv6 address (no zone ids)")
            }
            return "[\(host)]"
        }
        if host.hasSuffix(".") { host.removeLast() }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.".unicodeScalars)
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard host.unicodeScalars.allSatisfy({ allowed.contains($0) }), host.utf8.count <= 253,
            labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else {
            throw .invalidHost(
                "the data-centre URL's host is not a valid host name; use letters, digits, - and . only (write an "
                    + "internationalised name in its xn-- form), e.g. https://eu2-cloud.acronis.com"
            )
        }
        return host
    }

    /// `localhost`, an IPv4 address in 127.0.0.0/8, or `[::1]`.
    private static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { UInt8($0) != nil }
    }

    /// `value` reduced to printable ASCII, for echoing user input in a message.
    private static func printable(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.prefix(32).filter { $0.isASCII && $0.value >= 0x20 }))
    }
}
