/// The validated input every platform renderer works from.
struct AgentRenderContext: Sendable {
    /// The exact data-centre URL.
    var address: AgentRegistrationAddress
    /// The registration token, validated. Kept wrapped so that printing the context does not show it.
    var token: Secret
    /// Windows EXE component ids, validated and without duplicates.
    var windowsComponents: [String]
    /// Linux component ids, validated, or `nil` for all.
    var linuxComponents: [String]?
    /// The Windows agent service account.
    var serviceAccount: AgentServiceAccount

    /// Warnings that apply to every platform.
    var commonWarnings: [String] {
        var warnings = [
            "The commands and the script contain the registration token: anyone holding them can register machines "
                + "to this customer until the token expires. Hand them over like a password and delete saved "
                + "copies once the agents are registered."
        ]
        if address.isPlainHTTPLoopback {
            warnings.append(
                "\(address.string) is plain http on a loopback address, as the onboard DC simulator uses: these "
                    + "commands only make sense against the simulator. A real agent needs the https:// URL of its "
                    + "data centre."
            )
        }
        return warnings
    }
}
