import OnboardCore

/// `onboardctl profile list` for people.
enum ProfileRendering {
    static func list(_ result: ProfileListResult) -> String {
        guard !result.profiles.isEmpty else {
            return "No profiles in \(result.directory); export one with `onboardctl profile export` or write one (see examples/profiles)."
        }
        let table = TextTable(
            headers: ["NAME", "EDITION", "ITEMS", "DESCRIPTION"],
            rows: result.profiles.map { [$0.name, $0.edition, "\($0.items.count)", $0.description ?? ""] },
            rightAligned: [2]
        )
        return table.render() + "\n\nfrom \(result.directory)"
    }
}
