import Foundation

/// One thing that would stop an onboarding, found before anything is written: what is wrong, where,
/// and how to fix it.
public struct PlanProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The request field (`admin.login`, `customer.name`) or the area (`partner`, `services: items[2] (pw_base_nope)`).
    public var area: String
    /// A stable, machine-readable name, e.g. `tenant_name_taken`, `login_taken`, `services_unresolvable`.
    public var code: String
    /// What is wrong.
    public var problem: String
    /// What to change.
    public var fix: String
    /// The Acronis error code the DC gave, or would give, when there is one (1004, 1015, 1031, …).
    public var acronisCode: Int?

    public init(area: String, code: String, problem: String, fix: String, acronisCode: Int? = nil) {
        self.area = area
        self.code = code
        self.problem = problem
        self.fix = fix
        self.acronisCode = acronisCode
    }

    /// `area: problem (Acronis error N). Fix: fix`
    public var description: String {
        "\(area): \(problem)\(acronisCode.map { " (Acronis error \($0))" } ?? ""). Fix: \(fix)"
    }

    enum CodingKeys: String, CodingKey {
        case area, code, problem, fix
        case acronisCode = "acronis_code"
    }
}

extension PlanProblem {
    /// The problems a permanent ``StepFailure`` stands for.
    ///
    /// Failure messages follow the convention "what happened; what to do" (one per line when there
    /// are several), so each line is split at its last `; ` into ``problem`` and ``fix``.
    static func problems(from failure: StepFailure, area: String) -> [PlanProblem] {
        failure.message.split(separator: "\n").map { line in
            let text = String(line)
            guard let separator = text.range(of: "; ", options: .backwards) else {
                return PlanProblem(
                    area: area, code: failure.code, problem: text, fix: "correct the request or the configuration, then plan again",
                    acronisCode: failure.acronisCode)
            }
            return PlanProblem(
                area: area, code: failure.code, problem: String(text[..<separator.lowerBound]), fix: String(text[separator.upperBound...]),
                acronisCode: failure.acronisCode)
        }
    }
}
