import OnboardCore

/// Turns submitted text (a JSON request or a CSV of requests) into validated requests, the one rule set for the
/// socket and the spool.
struct RequestIntake: Sendable {
    let context: RequestValidationContext

    /// Every request of the document, or every problem at once as ``RPCError/invalidData`` with `issues`.
    func requests(in content: String, format: SubmitParams.Format) throws(RPCError) -> [OnboardingRequest] {
        switch format {
        case .json:
            do {
                return [try RequestParser.parse(json: content, context: context)]
            } catch {
                throw Self.invalid(issues: error.issues.map(Self.issueValue), summary: "the request is not valid")
            }
        case .csv:
            do {
                let requests = try CSVRequestImporter.parse(csv: content, context: context)
                guard !requests.isEmpty else {
                    throw Self.invalid(issues: [], summary: "the CSV has a header but no rows; add one row per customer")
                }
                return requests
            } catch let error as CSVImportError {
                throw Self.invalid(
                    issues: error.issues.map { issue in
                        var value = Self.issueValue(issue.issue)
                        value["row"] = .integer(issue.row)
                        if let column = issue.column { value["column"] = .string(column) }
                        return value
                    }, summary: "the CSV is not valid; nothing was submitted")
            } catch {
                throw error as? RPCError ?? RPCError.invalidData.with(message: "\(error)")
            }
        }
    }

    private static func issueValue(_ issue: RequestIssue) -> [String: JSONValue] {
        ["path": .string(issue.path), "problem": .string(issue.problem), "fix": .string(issue.fix)]
    }

    private static func invalid(issues: [[String: JSONValue]], summary: String) -> RPCError {
        let lines = issues.map { issue in
            let row = issue["row"]?.integerValue.map { "row \($0): " } ?? ""
            let path = issue["path"]?.stringValue.map { $0.isEmpty ? "" : "\($0) " } ?? ""
            return "\(row)\(path)\(issue["problem"]?.stringValue ?? ""). \(issue["fix"]?.stringValue ?? "")"
        }
        let message = ([summary + (issues.isEmpty ? "" : " (\(issues.count) problem\(issues.count == 1 ? "" : "s")):")] + lines).joined(separator: "\n  ")
        return RPCError.invalidData.with(message: message, details: ["issues": .array(issues.map(JSONValue.object))])
    }
}
