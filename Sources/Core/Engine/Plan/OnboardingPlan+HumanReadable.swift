import Foundation

extension OnboardingPlan {
    /// The plan as text for an operator to read before submitting: what is created or adopted, the
    /// items and quotas, the storage and why, the settings, the admin user, roles, activation and
    /// token; then the problems with their fixes, or that none were found.
    public var humanReadable: String {
        var lines = ["Plan for \"\(customerName)\" (key \(key), partner \(partner))", ""]
        lines += tenantLines + [""]
        lines += servicesLines + [""]
        lines += adminLines + [""]
        lines += tokenLines + [""]
        lines += problemLines
        return lines.joined(separator: "\n")
    }

    private var tenantLines: [String] {
        switch tenant {
        case .create(let creation):
            return [
                "Tenant: create the customer \"\(creation.name)\" under the partner tenant \(creation.parentID)",
                "  customer_id \"\(creation.customerID)\", internal_tag \"\(creation.internalTag)\", language \(creation.language)",
            ]
        case .adopt(let adoption):
            return ["Tenant: adopt the customer \"\(adoption.name)\" (\(adoption.id)), created by onboard on an earlier try (internal_tag \"\(adoption.internalTag)\")"]
        case nil:
            return ["Tenant: cannot be planned (see the problems below)"]
        }
    }

    private var servicesLines: [String] {
        guard let services else { return ["Services: cannot be planned (see the problems below)"] }
        var lines = ["Services: \(services.source), edition \(services.edition)"]
        let width = services.items.map(\.name.count).max() ?? 0
        for item in services.items {
            var line = "  \(item.name.padding(toLength: width, withPad: " ", startingAt: 0))  quota \(item.quotaText)"
            if let overage = item.overageText { line += " + overage \(overage)" }
            if let storage = item.infraName { line += " on \"\(storage)\"" }
            lines.append(line)
        }
        for storage in services.storage {
            lines.append("  storage: \(storage.reason)")
        }
        if let updates = services.updates {
            if updates.isEmpty {
                lines.append("  offering items: already as planned, nothing to send")
            } else {
                lines.append("  offering items: PUT /tenants/{id}/offering_items with \(updates.count) update\(updates.count == 1 ? "" : "s"):")
                let units = Dictionary(services.items.map { ($0.name, $0.measurementUnit) }, uniquingKeysWith: { first, _ in first })
                for update in updates {
                    lines.append("    " + Self.describe(update, unit: units[update.name] ?? nil))
                }
            }
        }
        lines.append("  pricing: " + pricingText(services.pricing))
        lines.append("  two-factor authentication: " + mfaText(services.mfa))
        return lines
    }

    private static func describe(_ update: PlannedItemUpdate, unit: String?) -> String {
        var text = "\(update.status == 1 ? "enable" : "disable") \(update.name)"
        if let infra = update.infraID { text += " on \(infra)" }
        if update.status == 1, let quota = update.quota {
            text += ", quota \(quota.value.map { ServicesPlanning.amountText($0, unit: unit) } ?? "unlimited")"
            if let overage = quota.overage { text += " + overage \(ServicesPlanning.amountText(overage, unit: unit))" }
            text += " (quota version \(quota.version))"
        }
        return text
    }

    private func pricingText(_ pricing: PricingPlan) -> String {
        switch (pricing.current, pricing.changes) {
        case (nil, true): "production: set after creation (new tenants start in trial; this cannot be undone)"
        case (nil, false): "\(pricing.mode) (new tenants start in trial)"
        case (let current?, true): "\(current) → production (this cannot be undone)"
        case (let current?, false): "\(current), nothing to change"
        }
    }

    private func mfaText(_ mfa: MFAPlan) -> String {
        switch (mfa.currentlyEnabled, mfa.changes) {
        case (_, true): "turned on (required by the profile)"
        case (true?, false): "on already"
        case (_, false): "not required"
        }
    }

    private var adminLines: [String] {
        var lines: [String]
        switch admin {
        case .create(let user):
            let name = [user.firstname, user.lastname].compactMap { $0 }.joined(separator: " ")
            lines = ["Admin user: create \"\(user.login)\" (\(user.email)\(name.isEmpty ? "" : ", \(name)")) in the customer tenant"]
        case .adopt(let user):
            lines = ["Admin user: adopt \"\(user.login)\" (\(user.id)), created by onboard on an earlier try"]
        case nil:
            lines = ["Admin user: cannot be planned (see the problems below)"]
        }
        let roles = roles.map { $0.alreadyAssigned ? "\($0.role) (assigned already)" : $0.role }
        lines.append("  roles: \(roles.isEmpty ? "none" : roles.joined(separator: ", "))")
        lines.append("  activation: " + activationText)
        return lines
    }

    private var activationText: String {
        if activation.alreadyActive { return "the user is active already, nothing to do" }
        return switch activation.method {
        case .generatedPassword: "a strong password is generated and set; read it with the credentials call"
        case .givenPassword: "the password given in the request is set"
        case .email: "an activation e-mail is sent to \(activation.email ?? "the user"); the user chooses the password"
        }
    }

    private var tokenLines: [String] {
        let days = registrationToken.validDays
        return [
            "Registration token: valid \(days) day\(days == 1 ? "" : "s"), issued in the admin user's personal tenant",
            "  install commands for \(registrationToken.platforms.map(\.rawValue).joined(separator: ", "))",
        ]
    }

    private var problemLines: [String] {
        guard !problems.isEmpty else { return ["No problems found: the request can be submitted."] }
        var lines = ["\(problems.count) problem\(problems.count == 1 ? "" : "s") would stop this onboarding:"]
        for (index, problem) in problems.enumerated() {
            let code = problem.acronisCode.map { " (Acronis error \($0))" } ?? ""
            lines.append("  \(index + 1). \(problem.area): \(problem.problem)\(code)")
            lines.append("     fix: \(problem.fix)")
        }
        return lines
    }
}
