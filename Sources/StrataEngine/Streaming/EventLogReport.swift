/// What reading events from rows found: how many were used and why others were not. Row numbers
/// are data rows counted from 1, as a person reading the table would count them.
public struct EventLogReport: Sendable, Equatable {
    /// The rule that orders the events, stated with every result.
    public static let orderingRule = "stable sort by time: events with equal times keep their row order"
    /// The rule for rows that arrive in a later read (a followed file) with a time before events
    /// already read.
    public static let lateRule = "rows arriving in a later read are applied after everything read before, in time order among themselves"

    public var rowsRead = 0
    public var eventsAccepted = 0
    /// Rows whose time is earlier than a row above them; they are moved into time order.
    public var outOfOrder = 0
    public var firstOutOfOrderRow: Int?
    /// Rows with no time; skipped.
    public var missingTime = 0
    public var firstMissingTimeRow: Int?
    /// Rows with no user, item or (when an event column is given) event type; skipped.
    public var missingField = 0
    public var firstMissingFieldRow: Int?
    /// Rows whose event type is not among the accepted ones; skipped.
    public var unknownType = 0
    public var firstUnknownTypeRow: Int?
    public var unknownTypeNames: [String] = []
    /// Rows of a later read older than the newest event read before (see `lateRule`).
    public var late = 0
    public var firstLateRow: Int?

    public init() {}

    public var skipped: Int { missingTime + missingField + unknownType }

    /// Warnings for a person, one per kind of problem found, each naming the first row and the rule.
    public var warnings: [String] {
        var out: [String] = []
        if let row = firstOutOfOrderRow {
            out.append("\(outOfOrder) \(rowsWord(outOfOrder)) out of time order (first: row \(row)); rule applied: \(Self.orderingRule)")
        }
        if let row = firstMissingTimeRow {
            out.append("\(missingTime) \(rowsWord(missingTime)) with no time skipped (first: row \(row))")
        }
        if let row = firstMissingFieldRow {
            out.append("\(missingField) \(rowsWord(missingField)) with no user, item or event type skipped (first: row \(row))")
        }
        if let row = firstUnknownTypeRow {
            let names = unknownTypeNames.map { "'\($0)'" }.joined(separator: ", ")
            out.append("\(unknownType) \(rowsWord(unknownType)) of unknown event type \(names) skipped (first: row \(row))")
        }
        if let row = firstLateRow {
            out.append("\(late) \(rowsWord(late)) arrived later than newer events already read (first: row \(row)); rule applied: \(Self.lateRule)")
        }
        return out
    }

    /// This report followed by a later read's.
    public func merged(with later: EventLogReport) -> EventLogReport {
        var r = self
        r.rowsRead += later.rowsRead
        r.eventsAccepted += later.eventsAccepted
        r.outOfOrder += later.outOfOrder
        r.firstOutOfOrderRow = firstOutOfOrderRow ?? later.firstOutOfOrderRow
        r.missingTime += later.missingTime
        r.firstMissingTimeRow = firstMissingTimeRow ?? later.firstMissingTimeRow
        r.missingField += later.missingField
        r.firstMissingFieldRow = firstMissingFieldRow ?? later.firstMissingFieldRow
        r.unknownType += later.unknownType
        r.firstUnknownTypeRow = firstUnknownTypeRow ?? later.firstUnknownTypeRow
        r.unknownTypeNames = Array(Set(unknownTypeNames + later.unknownTypeNames)).sorted()
        r.late += later.late
        r.firstLateRow = firstLateRow ?? later.firstLateRow
        return r
    }

    private func rowsWord(_ n: Int) -> String { n == 1 ? "row" : "rows" }
}
