import Foundation

/// Reads and writes profile files (`profiles/NAME.json`).
///
/// ```json
/// {
///   "description": "Standard per-workload package",
///   "edition": "pck_per_workload",
///   "pricing": "trial",
///   "mfa": false,
///   "storage": { "policy": "platform_owned" },
///   "items": [
///     { "name": "pw_base_workstations", "quota": 50 },
///     { "name": "pw_base_storage", "quota": "500GiB",
///       "storage": { "policy": "infra_name", "infra_name": "Acronis Hosted EU2 Storage" } }
///   ]
/// }
/// ```
///
/// Parsing is strict like request parsing: unknown fields, wrong types and bad values are errors
/// that name the field and the fix, all reported at once.
public enum ProfileFile {
    /// Profile names: the file name without `.json`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.first != "." && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    static let topLevelFields: Set<String> = ["description", "edition", "pricing", "mfa", "storage", "items"]
    static let itemFields: Set<String> = ["name", "quota", "overage", "storage"]
    static let storageFields: Set<String> = ["policy", "infra_name", "infra_id"]
    static let policies = ["infra_name", "infra_id", "platform_owned", "partner_owned", "only"]

    /// Parses the profile `name` from the file's bytes.
    public static func parse(name: String, data: Data) -> Result<ServiceProfile, ServiceProblems> {
        let document: RequestJSONValue
        do {
            document = try RequestJSONParser.parse(data)
        } catch {
            return .failure(ServiceProblems([ServiceProblem(
                location: "profile \(name), line \(error.line) column \(error.column)", problem: error.message, fix: "correct the JSON syntax")]))
        }
        var problems: [ServiceProblem] = []
        func problem(_ path: String, _ text: String, _ fix: String) {
            problems.append(ServiceProblem(location: "profile \(name): \(path)", problem: text, fix: fix))
        }
        guard case .object(let top) = document else {
            return .failure(ServiceProblems([ServiceProblem(location: "profile \(name)", problem: "is not a JSON object", fix: "write the profile as {\"edition\": …, \"items\": […]}")]))
        }
        for key in top.keys.sorted() where !topLevelFields.contains(key) {
            problem(key, "is not a profile field", "remove it; the fields are \(topLevelFields.sorted().joined(separator: ", "))")
        }
        var description: String?
        if let value = top["description"] {
            if case .string(let text) = value { description = text } else { problem("description", "is not a string", "write it in quotes") }
        }
        var edition = Edition.perWorkload
        switch top["edition"] {
        case .string(let text) where [Edition.perWorkload.rawValue, Edition.perGigabyte.rawValue].contains(text):
            edition = Edition(rawValue: text)
        case .string(let text):
            problem("edition", "\"\(text)\" is not an edition onboard provisions", "use \"pck_per_workload\" or \"pck_per_gigabyte\"")
        case nil:
            problem("edition", "is missing", "add \"edition\": \"pck_per_workload\" or \"pck_per_gigabyte\"")
        default:
            problem("edition", "is not a string", "use \"pck_per_workload\" or \"pck_per_gigabyte\"")
        }
        var pricing = PricingMode.trial
        switch top["pricing"] {
        case nil, .string("trial"): break
        case .string("production"): pricing = .production
        default: problem("pricing", "must be \"trial\" or \"production\"", "use \"trial\" (the default) or \"production\" (cannot be undone)")
        }
        var mfa = false
        switch top["mfa"] {
        case nil: break
        case .bool(let value): mfa = value
        default: problem("mfa", "is not true or false", "write true or false without quotes")
        }
        let storage = top["storage"].map { parseStorage($0, path: "storage", problem: problem) } ?? .onlyOne
        var items: [ServiceProfile.Item] = []
        switch top["items"] {
        case .array(let elements) where !elements.isEmpty:
            for (index, element) in elements.enumerated() {
                if let item = parseItem(element, path: "items[\(index)]", problem: problem) { items.append(item) }
            }
        case nil, .array:
            problem("items", "is missing or empty", "list the offering items to enable, e.g. [{\"name\": \"pw_base_servers\", \"quota\": 10}]")
        default:
            problem("items", "is not a list", "write the items as a JSON array")
        }
        guard problems.isEmpty else { return .failure(ServiceProblems(problems)) }
        return .success(ServiceProfile(
            name: name, description: description, edition: edition, items: items, storage: storage ?? .onlyOne, pricing: pricing,
            requireMFA: mfa))
    }

    private static func parseItem(
        _ value: RequestJSONValue, path: String, problem: (String, String, String) -> Void
    ) -> ServiceProfile.Item? {
        guard case .object(let fields) = value else {
            problem(path, "is not an object", "write {\"name\": \"…\", \"quota\": …}")
            return nil
        }
        for key in fields.keys.sorted() where !itemFields.contains(key) {
            problem("\(path).\(key)", "is not an item field", "remove it; the fields are \(itemFields.sorted().joined(separator: ", "))")
        }
        guard case .string(let name) = fields["name"], !name.isEmpty else {
            problem("\(path).name", "is missing", "give the offering item's name, e.g. \"pw_base_servers\"")
            return nil
        }
        var item = ServiceProfile.Item(name: name)
        item.quota = parseAmount(fields["quota"], path: "\(path).quota", problem: problem)
        item.overage = parseAmount(fields["overage"], path: "\(path).overage", problem: problem)
        if let storage = fields["storage"] { item.storage = parseStorage(storage, path: "\(path).storage", problem: problem) }
        return item
    }

    private static func parseAmount(_ value: RequestJSONValue?, path: String, problem: (String, String, String) -> Void) -> QuotaAmount? {
        switch value {
        case nil, .null:
            return nil
        case .number:
            if let whole = value?.integerValue, whole >= 0 { return QuotaAmount(value: Int64(whole)) }
        case .string(let text):
            if let amount = QuotaAmount(parsing: text) { return amount }
        default:
            break
        }
        problem(path, "is not a quota", "write a whole number ≥ 0, an amount of bytes such as \"500GiB\" or \"1TB\", or null for unlimited")
        return nil
    }

    private static func parseStorage(_ value: RequestJSONValue, path: String, problem: (String, String, String) -> Void) -> StoragePolicy? {
        guard case .object(let fields) = value else {
            problem(path, "is not an object", "write {\"policy\": \"platform_owned\"}")
            return nil
        }
        for key in fields.keys.sorted() where !storageFields.contains(key) {
            problem("\(path).\(key)", "is not a storage field", "remove it; the fields are \(storageFields.sorted().joined(separator: ", "))")
        }
        let fix = "use one of \(policies.joined(separator: ", ")); infra_name needs \"infra_name\", infra_id needs \"infra_id\""
        switch (fields["policy"], fields["infra_name"], fields["infra_id"]) {
        case (.string("infra_name"), .string(let name)?, nil) where !name.isEmpty: return .infraName(name)
        case (.string("infra_id"), nil, .string(let id)?) where !id.isEmpty: return .infraID(id)
        case (.string("platform_owned"), nil, nil): return .platformOwned
        case (.string("partner_owned"), nil, nil): return .partnerOwned
        case (.string("only"), nil, nil): return .onlyOne
        default:
            problem("\(path).policy", "is not a valid storage policy", fix)
            return nil
        }
    }

    /// The profile as file text (two-space indented JSON), for `onboardctl profile export`.
    public static func render(_ profile: ServiceProfile) -> String {
        func quoted(_ text: String) -> String {
            String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
        func amount(_ value: QuotaAmount?) -> String {
            guard let value else { return "null" }
            return value.hasByteUnit ? quoted(value.description) : String(value.value)
        }
        func storage(_ policy: StoragePolicy) -> String {
            switch policy {
            case .infraName(let name): "{\"policy\": \"infra_name\", \"infra_name\": \(quoted(name))}"
            case .infraID(let id): "{\"policy\": \"infra_id\", \"infra_id\": \(quoted(id))}"
            case .platformOwned: "{\"policy\": \"platform_owned\"}"
            case .partnerOwned: "{\"policy\": \"partner_owned\"}"
            case .onlyOne: "{\"policy\": \"only\"}"
            }
        }
        var lines = ["{"]
        if let description = profile.description { lines.append("  \"description\": \(quoted(description)),") }
        lines.append("  \"edition\": \(quoted(profile.edition.rawValue)),")
        lines.append("  \"pricing\": \(quoted(profile.pricing.rawValue)),")
        lines.append("  \"mfa\": \(profile.requireMFA),")
        lines.append("  \"storage\": \(storage(profile.storage)),")
        lines.append("  \"items\": [")
        for (index, item) in profile.items.enumerated() {
            var fields = ["\"name\": \(quoted(item.name))"]
            if item.quota != nil { fields.append("\"quota\": \(amount(item.quota))") }
            if item.overage != nil { fields.append("\"overage\": \(amount(item.overage))") }
            if let policy = item.storage { fields.append("\"storage\": \(storage(policy))") }
            lines.append("    {" + fields.joined(separator: ", ") + "}" + (index + 1 < profile.items.count ? "," : ""))
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
