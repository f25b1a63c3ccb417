/// A table's rows as stream events: users and items numbered (in sorted order of their ids, as
/// interactions are), ordered by time with ties kept in row order. Rows missing a user, an item
/// or a time are left out and counted.
public struct EncodedEvents: Sendable {
    public let events: [StreamInteraction]
    public let userIds: [String]
    public let itemIds: [String]
    public let rowsRead: Int
    public let missingRows: Int
    /// Rows whose time is earlier than the row before them (they are put in time order).
    public let outOfOrderRows: Int
    /// The table row of each event, when asked for (`keepRows`), to look up more of it (its context).
    public var rows: [Int]?

    public static func from(_ table: Table, user: String, item: String, time: String, keepRows: Bool = false,
                            context: RunContext) throws -> EncodedEvents {
        let users = try IdEncoder.encode(try Interactions.requireColumn(table, user, role: "user"), context: context)
        let items = try IdEncoder.encode(try Interactions.requireColumn(table, item, role: "item"), context: context)
        let timeColumn = try Interactions.requireColumn(table, time, role: "time")
        var events: [StreamInteraction] = []
        events.reserveCapacity(table.rowCount)
        var rows: [Int] = []
        var missing = 0, outOfOrder = 0
        var previous: Int64?
        for r in 0..<table.rowCount {
            if r & 0xFFFF == 0 { try context.cancellation.check() }
            let t: Int64?
            switch timeColumn.data {
            case .timestamp(let v), .int(let v): t = timeColumn.isMissing(r) ? nil : v[r]
            case .date(let v): t = timeColumn.isMissing(r) ? nil : v[r] &* 86_400
            default:
                throw EngineError("time column '\(time)' holds \(timeColumn.type.rawValue) values",
                                  suggestion: "use a timestamp, date or integer-seconds column")
            }
            guard let t, users.ids[r] >= 0, items.ids[r] >= 0 else { missing += 1; continue }
            if let previous, t < previous { outOfOrder += 1 }
            previous = t
            events.append(StreamInteraction(user: users.ids[r], item: items.ids[r], time: t))
            if keepRows { rows.append(r) }
        }
        guard !events.isEmpty else {
            throw EngineError("no usable events: every row misses a user, an item or a time",
                              suggestion: "check the user=, item= and time= columns")
        }
        if outOfOrder > 0 {
            // A stable sort keeps rows with equal times in row order.
            let order = events.indices.sorted { events[$0].time != events[$1].time ? events[$0].time < events[$1].time : $0 < $1 }
            events = order.map { events[$0] }
            if keepRows { rows = order.map { rows[$0] } }
        }
        return EncodedEvents(events: events, userIds: users.texts, itemIds: items.texts, rowsRead: table.rowCount,
                             missingRows: missing, outOfOrderRows: outOfOrder, rows: keepRows ? rows : nil)
    }
}

extension EncodedEvents {
    /// The first `count` events in time order.
    public func prefix(_ count: Int) -> EncodedEvents {
        EncodedEvents(events: Array(events.prefix(max(0, count))), userIds: userIds, itemIds: itemIds, rowsRead: rowsRead,
                      missingRows: missingRows, outOfOrderRows: outOfOrderRows, rows: rows.map { Array($0.prefix(max(0, count))) })
    }
}
