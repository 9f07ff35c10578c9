/// An application of the DC ([SPEC] schema `application`, §4.1).
struct Application: Sendable {
    let id: String
    let name: String
    /// [SPEC] `applicationType`.
    let type: String
    let usages: [String]
    let apiBaseURL: String
}
