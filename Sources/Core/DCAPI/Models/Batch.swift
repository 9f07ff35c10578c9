/// A page of a list response: `items` plus an optional cursor (schemas `tenantBatch`,
/// `offeringItemList`, `userBatch`, `uuidList`, …).
struct Page<Item: Decodable & Sendable>: Decodable, Sendable {
    var items: [Item]
    var paging: Paging?

    struct Paging: Decodable, Sendable {
        var cursors: Cursors?
    }

    struct Cursors: Decodable, Sendable {
        var after: String?
    }

    /// The cursor of the next page, if there is one.
    var nextCursor: String? {
        guard let after = paging?.cursors?.after, !after.isEmpty, !items.isEmpty else { return nil }
        return after
    }
}
