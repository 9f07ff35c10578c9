/// Something that keeps a profile or template from being applied to a customer, found before
/// anything is written.
public struct ServiceProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where: `items[2] (pw_base_storage)`, `edition`, `storage`.
    public var location: String
    /// What is wrong.
    public var problem: String
    /// What to change.
    public var fix: String

    public init(location: String, problem: String, fix: String) {
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(location): \(problem); \(fix)" }
}

/// One or more ``ServiceProblem``s.
public struct ServiceProblems: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [ServiceProblem]

    public init(_ problems: [ServiceProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
