/// Everything an operator needs to install and register the agent on one platform.
///
/// ``steps`` are the commands of the user guide, to type or paste; ``script`` does the same unattended and keeps the
/// registration token out of shell history where the platform allows it. Both embed the exact data-centre URL
/// (``registrationAddress``) and the registration token.
///
/// - Important: The steps and the script contain the registration token: anyone holding them can register machines
///   to the customer until the token expires. The `description` of this type is redacted, but its `Codable` form is
///   not: return it only from an explicit credentials call.
public struct AgentInstallInstructions: Sendable, Hashable, Codable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// The platform these instructions are for.
    public var platform: AgentPlatform
    /// The exact data-centre URL every command registers with, e.g. `https://eu2-cloud.acronis.com`.
    public var registrationAddress: String
    /// The commands to run, in order. Where a title starts with "Alternative", the step replaces the one before it.
    public var steps: [InstallStep]
    /// A script doing the same unattended.
    public var script: InstallScript
    /// An unofficial download link for the installer, when one is known.
    public var downloadHint: DownloadHint?
    /// What the operator must know before using any of it: token exposure, unconfirmed forms, simulator URLs.
    public var warnings: [String]

    /// Creates instructions.
    public init(
        platform: AgentPlatform,
        registrationAddress: String,
        steps: [InstallStep],
        script: InstallScript,
        downloadHint: DownloadHint?,
        warnings: [String]
    ) {
        self.platform = platform
        self.registrationAddress = registrationAddress
        self.steps = steps
        self.script = script
        self.downloadHint = downloadHint
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case platform, steps, script, warnings
        case registrationAddress = "registration_address"
        case downloadHint = "download_hint"
    }

    public var description: String {
        "AgentInstallInstructions(\(platform.rawValue), \(registrationAddress), \(steps.count) steps, "
            + "script \(script.filename); commands <redacted>)"
    }
    public var debugDescription: String { description }
}
