/// The version of onboard, reported by `--version` and the daemon's status.
public enum OnboardVersion {
    public static let current = "0.1.0"
}
