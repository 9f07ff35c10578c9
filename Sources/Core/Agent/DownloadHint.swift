import Foundation

/// Where the installer can probably be downloaded from, for operators who do not fetch it from the console.
///
/// The link follows a pattern seen in third-party deployment scripts, apparently the console's own download links.
/// It is not in the API documentation and has not been verified (acronis-api.md §7.6 and §10 #10), so it is always
/// rendered with ``isOfficial`` `false` and the ``note`` saying so. The installer the console offers under
/// *Devices > Add* is the authoritative one.
public struct DownloadHint: Sendable, Hashable, Codable {
    /// The download link.
    public var url: URL
    /// Whether Acronis documents the link. Always `false` for the links onboard renders today.
    public var isOfficial: Bool
    /// What the link is and how far to trust it.
    public var note: String

    /// The note of every unofficial link.
    public static let unofficialNote =
        "unofficial link pattern seen in third-party scripts; not in the API docs"

    /// Creates a hint.
    public init(url: URL, isOfficial: Bool, note: String) {
        self.url = url
        self.isOfficial = isOfficial
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case url
        case isOfficial = "official"
        case note
    }

    /// The unofficial console download link for `platform`'s 64-bit installer:
    /// `<DC>/bc/api/ams/links/agents/redirect?language=multi&channel=CURRENT&system=<windows|linux|apple>`
    /// `&architecture=64&productType=enterprise`.
    static func unofficial(for platform: AgentPlatform, at address: AgentRegistrationAddress) -> DownloadHint? {
        let system =
            switch platform {
            case .windows: "windows"
            case .linux: "linux"
            case .macos: "apple"
            }
        let query = "language=multi&channel=CURRENT&system=\(system)&architecture=64&productType=enterprise"
        guard let url = URL(string: "\(address.string)/bc/api/ams/links/agents/redirect?\(query)") else { return nil }
        return DownloadHint(url: url, isOfficial: false, note: unofficialNote)
    }
}
