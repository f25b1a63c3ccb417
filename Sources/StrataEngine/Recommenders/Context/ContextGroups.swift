/// Test rows grouped by their context, for metrics per device or per hour band.
public enum ContextGroups {
    public enum Dimension: Sendable, Equatable {
        case device(column: String)
        case hour(column: String)
    }

    public struct Group: Sendable {
        /// "mobile", or "evening (18–23 h)".
        public let label: String
        /// The context a context-aware model is asked in for these rows.
        public let request: RequestedContext
        public let rows: Table
    }

    /// One group per distinct device (sorted) or per hour band with rows (in the day's order);
    /// rows missing the value are left out (`missing` counts them).
    public static func split(_ table: Table, by dimension: Dimension) throws -> (groups: [Group], missing: Int) {
        switch dimension {
        case .device(let name):
            let column = try Interactions.requireColumn(table, name, role: "device")
            var rowsOf: [String: [Bool]] = [:]
            var missing = 0
            for r in 0..<table.rowCount {
                guard !column.isMissing(r) else { missing += 1; continue }
                rowsOf[IdEncoder.idText(column, row: r), default: [Bool](repeating: false, count: table.rowCount)][r] = true
            }
            return (try rowsOf.keys.sorted().map { value in
                Group(label: value, request: RequestedContext(device: value), rows: try table.filtering(mask: rowsOf[value] ?? []))
            }, missing)
        case .hour(let name):
            let hours = try ContextualInteractions.hoursOfDay(table, name)
            var groups: [Group] = []
            for band in HourBand.allCases {
                let mask = hours.map { $0.flatMap(HourBand.init(hour:)) == band }
                guard mask.contains(true) else { continue }
                groups.append(Group(label: "\(band.name) (\(band.hours.lowerBound)–\(band.hours.upperBound) h)",
                                    request: RequestedContext(hour: band.hours.lowerBound), rows: try table.filtering(mask: mask)))
            }
            return (groups, hours.filter { $0 == nil }.count)
        }
    }
}
