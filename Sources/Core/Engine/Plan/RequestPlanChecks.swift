/// The plan's checks of the request itself, made again although the parser made them already:
/// they are cheap, a stored request may come from an older onboard, and the password is checked
/// against the tenant's actual name. Pure.
enum RequestPlanChecks {
    /// Problems of `request` for the partner account named `accountName`, with the customer tenant
    /// named `tenantName` (the adopted tenant's current name, or the request's).
    static func problems(_ request: OnboardingRequest, accountName: String, tenantName: String) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if request.partner != accountName {
            problems.append(PlanProblem(
                area: "partner", code: "partner_mismatch",
                problem: "the request names the partner \"\(request.partner)\" but was planned with the account \"\(accountName)\"",
                fix: "plan the request with the partner account it names"))
        }
        let days = request.agent.tokenValidDays
        let maximum = OnboardingRequest.Agent.maximumTokenValidDays
        if !(1...maximum).contains(days) {
            problems.append(PlanProblem(
                area: "agent.token_valid_days", code: "token_lifetime_invalid",
                problem: "is \(days) days; a registration token is valid for 1 to \(maximum) days (the API allows at most one year)",
                fix: "use 1 to \(maximum) days; the console's default is \(OnboardingRequest.Agent.defaultTokenValidDays)"))
        }
        for role in request.admin.roles where !UserRoles.isKnown(role) {
            problems.append(PlanProblem(
                area: "admin.roles", code: "role_unknown", problem: "\"\(role)\" is not a role of a customer's user",
                fix: "use one of \(UserRoles.knownList)"))
        }
        if request.admin.activation == .password, let password = request.admin.password {
            var context = request.passwordContext
            context.tenantName = tenantName
            for problem in PasswordPolicy.problems(password: password.revealed, context: context) {
                problems.append(PlanProblem(
                    area: "admin.password", code: "password_weak", problem: problem,
                    fix: "choose a password of at least \(PasswordPolicy.minimumLength) characters that does not contain the login, the e-mail address or its local part, the first or last name, or the customer name (ignoring case), or leave admin.password out to have a strong one generated"))
            }
        }
        return problems
    }
}
