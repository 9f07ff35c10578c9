/// Parameters of `onboarding.plan`: a request as ``SubmitParams`` carries it; nothing is recorded.
public typealias PlanParams = SubmitParams

/// Result of `onboarding.plan`: one plan per request, in document order.
public struct PlanResult: Sendable, Hashable, Codable {
    public var plans: [PlannedRequest]

    public init(plans: [PlannedRequest]) {
        self.plans = plans
    }
}

/// The plan of one request.
public struct PlannedRequest: Sendable, Hashable, Codable {
    public var plan: OnboardingPlan
    /// ``OnboardingPlan/humanReadable``, for the CLI's table-free output.
    public var text: String

    public init(plan: OnboardingPlan, text: String) {
        self.plan = plan
        self.text = text
    }
}
