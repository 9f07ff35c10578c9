/// One thing wrong with the configuration, its secrets or its profiles: where, what, and how to fix it.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file and the key, e.g. `/etc/onboardd/onboardd.json: partners[0].client_id`.
    public var location: String
    public var problem: String
    public var fix: String

    public init(location: String, problem: String, fix: String) {
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(location): \(problem); \(fix)" }
}

/// Everything wrong at once, so an operator fixes the file in one pass. `onboardd --check-config` prints it and
/// exits 78 (`EX_CONFIG`).
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [ConfigurationProblem]

    public init(_ problems: [ConfigurationProblem]) {
        self.problems = problems
    }

    public var description: String {
        "the configuration has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
