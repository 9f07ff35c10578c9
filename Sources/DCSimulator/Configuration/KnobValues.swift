/// Scope of tenant-name uniqueness (knob `dupNameScope`, §10 #2, §11.2: not documented).
public enum DupNameScope: String, Codable, Sendable, CaseIterable {
    /// Names are unique among the children of one parent (default).
    case perParent
    /// Names are unique across the whole DC.
    case global
}

/// What a `PUT …/offering_items` does to items it does not mention (knob `omittedItemsPolicy`, §10 #7, §11.2).
public enum OmittedItemsPolicy: String, Codable, Sendable, CaseIterable {
    /// Omitted items keep their state (default).
    case keep
    /// Omitted items are disabled (`status` 0).
    case disable
}

/// The quota version of an item that was never set on a tenant (knob `initialQuotaVersion`, §10 #8, §11.2).
public enum InitialQuotaVersion: Sendable, Hashable, CaseIterable {
    /// `quota.version` starts at 0 (default; OI-3, [SPEC]: 0 while value and overage are null).
    case zero
    /// `quota.version` starts at 1.
    case one
    /// A never-set item has no quota: the first PUT must omit `quota`.
    case omit

    /// The starting version, or `nil` for ``omit``.
    var version: Int? {
        switch self {
        case .zero: 0
        case .one: 1
        case .omit: nil
        }
    }

    /// The CLI spelling: `0`, `1` or `omit`.
    public var text: String {
        switch self {
        case .zero: "0"
        case .one: "1"
        case .omit: "omit"
        }
    }

    /// Parses `0`, `1` or `omit`.
    public init?(text: String) {
        switch text {
        case "0": self = .zero
        case "1": self = .one
        case "omit": self = .omit
        default: return nil
        }
    }
}

extension InitialQuotaVersion: Codable {
    /// Decodes `0`, `1` or `"omit"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), let value = InitialQuotaVersion(text: String(number)) {
            self = value
        } else if let string = try? container.decode(String.self), let value = InitialQuotaVersion(text: string) {
            self = value
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 0, 1 or \"omit\"")
        }
    }

    /// Encodes `0`, `1` or `"omit"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .zero: try container.encode(0)
        case .one: try container.encode(1)
        case .omit: try container.encode("omit")
        }
    }
}

/// Whether a behaviour of unconfirmed existence is accepted.
public enum Allowance: String, Codable, Sendable, CaseIterable {
    /// Accepted (default).
    case allowed
    /// Rejected with 400.
    case rejected
}

/// How `<tenant_id>` is written in the `policy_management` registration-token scope (knob `policyScopeIdKind`,
/// §6.2, §10 #5, §11.2).
public enum PolicyScopeIDKind: String, Codable, Sendable, CaseIterable {
    /// A tenant UUID (default; the [SPEC] example looks like a UUID).
    case uuid
    /// The numeric tenant id (REG-5).
    case numeric
}

/// The form of the `Retry-After` header on 429 answers (fault `retryAfterMode`, §8.3, §11.2 `rateLimit`).
public enum RetryAfterMode: String, Codable, Sendable, CaseIterable {
    /// Delay in seconds (RFC 9110 §10.2.3).
    case seconds
    /// An IMF-fixdate HTTP-date.
    case httpDate = "http-date"
    /// No header.
    case absent
}
