/// Checks UUID strings against the [SPEC] `uuid` pattern `[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}`.
enum UUIDText {
    /// `true` if `text` is a UUID (either case accepted on input; the simulator answers in lowercase).
    static func isValid(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
