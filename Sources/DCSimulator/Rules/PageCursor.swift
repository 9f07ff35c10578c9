import Foundation

/// An opaque `paging.cursors.after` value (PAG-1, [SPEC] `paging`).
///
/// Keyset paging: the cursor remembers the query and the last key returned, so the client just passes `after`
/// until the response has no cursor (§8.5).
struct PageCursor: Codable, Sendable, Hashable {
    /// The filters of the original query.
    var filters: [String: String]
    /// Sort key of the last item returned.
    var last: String
    /// Page size of the original query.
    var limit: Int

    /// The cursor text (base64url of its JSON).
    var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a cursor.
    /// - Throws: 400 if the text is not a cursor this simulator issued.
    init(decoding text: String) throws {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let cursor = try? JSONDecoder().decode(PageCursor.self, from: data)
        else {
            throw APIError.badRequest("'after' is not a valid paging cursor: pass paging.cursors.after from the previous page")
        }
        self = cursor
    }

    init(filters: [String: String], last: String, limit: Int) {
        self.filters = filters
        self.last = last
        self.limit = limit
    }
}

/// A page of results with its cursor.
struct Page<Element> {
    var items: [Element]
    var after: String?

    /// `{"cursors":{"after":…}}`, or `{"cursors":{}}` on the last page.
    var pagingJSON: JSON {
        ["cursors": .object(after.map { ["after": .string($0)] } ?? [:])]
    }
}

enum Paging {
    /// Parses `limit` (≥ 1), defaulting to the configured page size (PAG-1).
    static func limit(_ text: String?, default pageSize: Int) throws -> Int {
        guard let text else { return pageSize }
        guard let value = Int(text), value >= 1 else {
            throw APIError.badRequest("'limit' must be an integer ≥ 1, got '\(text)'")
        }
        return value
    }

    /// Cuts one page out of `sorted` elements after the cursor key.
    static func page<Element>(
        _ sorted: [Element],
        key: (Element) -> String,
        filters: [String: String],
        after: String?,
        limit: Int
    ) -> Page<Element> {
        let remaining = after.map { last in sorted.filter { key($0) > last } } ?? sorted
        let items = Array(remaining.prefix(limit))
        var cursor: String?
        if remaining.count > limit, let lastItem = items.last {
            cursor = PageCursor(filters: filters, last: key(lastItem), limit: limit).encoded
        }
        return Page(items: items, after: cursor)
    }

    /// Parses a boolean query parameter (`true`/`false`/`1`/`0`).
    static func bool(_ text: String?, name: String) throws -> Bool {
        guard let text else { return false }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no", "": return false
        default: throw APIError.badRequest("'\(name)' must be true or false, got '\(text)'")
        }
    }
}
