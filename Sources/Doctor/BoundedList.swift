/// Lists printed on one line (addresses, records, resolvers) are cut at a fixed count with
/// "… and N more": a resolver answering with thousands of records, or getaddrinfo returning
/// 4,092 addresses, must not make one line of hundreds of kilobytes. JSON keeps every item;
/// only the text that a person reads is cut, and it says how much was left out.
public enum BoundedList {
    /// Items shown on one line.
    public static let lineLimit = 16
    /// Records shown per section of a DNS answer (one per line).
    public static let recordLimit = 100

    /// The first `limit` items joined by `separator`, then `more(count left out)` when items were left out.
    public static func join(_ items: [String], separator: String = " ", limit: Int = lineLimit,
                            more: (Int) -> String = BoundedList.more) -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        return items.prefix(limit).joined(separator: separator) + separator + more(items.count - limit)
    }

    /// The first `limit` items, plus `more(count left out)` as a last item when items were left out.
    public static func lines(_ items: [String], limit: Int = recordLimit, more: (Int) -> String = BoundedList.more) -> [String] {
        guard items.count > limit else { return items }
        return Array(items.prefix(limit)) + [more(items.count - limit)]
    }

    /// "… and 4076 more" (the English form used in evidence; renderers pass the catalog's).
    public static func more(_ count: Int) -> String { "… and \(count) more" }
}
