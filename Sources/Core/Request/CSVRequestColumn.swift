/// A column of the bulk-onboarding CSV format (``CSVRequestImporter``) and the request field it fills.
public struct CSVRequestColumn: Sendable, Hashable {
    /// How a cell becomes a JSON value.
    public enum Kind: Sendable, Hashable {
        /// The cell's text, as is.
        case text
        /// A whole number (`token_valid_days`).
        case integer
        /// A list separated by `;`; items are trimmed and empty items dropped (`admin_roles`, `platforms`).
        case list
    }

    /// The header name (matched ignoring case and surrounding whitespace).
    public let name: String
    /// The field it fills, as a path of the JSON form (`admin.login`).
    public let path: String
    /// How the cell is read.
    public let kind: Kind

    /// Every column, in the documented order.
    public static let all: [CSVRequestColumn] = [
        .init(name: "key", path: "key", kind: .text),
        .init(name: "partner", path: "partner", kind: .text),
        .init(name: "customer_name", path: "customer.name", kind: .text),
        .init(name: "language", path: "customer.language", kind: .text),
        .init(name: "contact_email", path: "customer.contact.email", kind: .text),
        .init(name: "contact_firstname", path: "customer.contact.firstname", kind: .text),
        .init(name: "contact_lastname", path: "customer.contact.lastname", kind: .text),
        .init(name: "contact_phone", path: "customer.contact.phone", kind: .text),
        .init(name: "profile", path: "services.profile", kind: .text),
        .init(name: "template_tenant", path: "services.template_tenant", kind: .text),
        .init(name: "admin_login", path: "admin.login", kind: .text),
        .init(name: "admin_email", path: "admin.email", kind: .text),
        .init(name: "admin_firstname", path: "admin.firstname", kind: .text),
        .init(name: "admin_lastname", path: "admin.lastname", kind: .text),
        .init(name: "admin_roles", path: "admin.roles", kind: .list),
        .init(name: "activation", path: "admin.activation", kind: .text),
        .init(name: "admin_password", path: "admin.password", kind: .text),
        .init(name: "token_valid_days", path: "agent.token_valid_days", kind: .integer),
        .init(name: "platforms", path: "agent.platforms", kind: .list),
    ]

    /// The columns a header must have: without them no row could be valid.
    public static let required: [String] = ["customer_name", "contact_email", "admin_login", "admin_email"]

    /// The column that fills a field path (array indexes ignored: `admin.roles[1]` → `admin_roles`); `nil` for paths
    /// no single column fills (`services`, `customer`).
    public static func column(forPath path: String) -> CSVRequestColumn? {
        let base = path.split(separator: "[", maxSplits: 1).first.map(String.init) ?? path
        return all.first { $0.path == base }
    }
}
