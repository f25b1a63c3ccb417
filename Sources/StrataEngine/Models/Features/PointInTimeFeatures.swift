/// Per-customer features as of a cut-off day, and an optional label from the window after it.
///
/// The point-in-time rule: a feature uses only events strictly before the cut-off day; the label
/// uses only events in [cut-off, cut-off + N days). An order is a purchase day: a customer's rows on
/// one day count once (as `clv` and lifetimes do), so frequency and orders_W count distinct days.
public struct PointInTimeOptions: Sendable {
    public enum Label: Sendable, Equatable {
        /// churned = 1 when the customer has no purchase in the next `days` days.
        case churn(days: Int)
        /// spend_next_N = the customer's spend in the next `days` days.
        case spend(days: Int)

        public var days: Int {
            switch self { case .churn(let d), .spend(let d): return d }
        }
    }

    /// The cut-off day (days since 1970-01-01): features see days < cutOff.
    public var cutOff: Int64
    /// Trailing windows in days, ascending.
    public var windows: [Int] = [30, 90, 180]
    public var label: Label?
    /// Category columns whose values are counted per customer (`orders_COL_VALUE`), with their values per event.
    public var counts: [CountColumn] = []

    public init(cutOff: Int64) { self.cutOff = cutOff }

    public struct CountColumn: Sendable {
        public let name: String
        /// The value of every event (parallel to `CustomerEvents.row` order via source row); nil = missing.
        public let valueOfRow: [String?]
        public init(name: String, valueOfRow: [String?]) {
            self.name = name
            self.valueOfRow = valueOfRow
        }
    }
}

public struct PointInTimeResult: Sendable {
    /// customer, recency_days, frequency, monetary, avg_order, tenure_days, orders_W, spend_W, trend_W …, orders_COL_VALUE …, label.
    public let table: Table
    public let cutOff: Int64
    public let firstDay: Int64
    public let lastDay: Int64
    /// Customers with a purchase before the cut-off = rows of `table`.
    public let customers: Int
    /// Customers labelled 1 (churn label only).
    public let positives: Int?
    /// Events on or after the cut-off that no feature saw.
    public let eventsFromCutOff: Int
}

public enum PointInTimeFeatures {
    /// Most distinct values a counts= column may have (one column per value).
    public static let countLevelLimit = 50

    public static func build(_ events: CustomerEvents, options o: PointInTimeOptions, context: RunContext) throws -> PointInTimeResult {
        let range = "the data run from \(CivilCalendar.formatDate(days: events.firstDay)) to \(CivilCalendar.formatDate(days: events.lastDay))"
        let cut = o.cutOff
        guard cut > events.firstDay else {
            throw EngineError("cut-off \(CivilCalendar.formatDate(days: cut)) is not after the first event, so no customer has a purchase before it",
                              suggestion: range + "; choose a cut-off after \(CivilCalendar.formatDate(days: events.firstDay))")
        }
        guard cut <= events.lastDay + 1 else {
            throw EngineError("cut-off \(CivilCalendar.formatDate(days: cut)) is after the data's last day",
                              suggestion: range + "; the latest cut-off is \(CivilCalendar.formatDate(days: events.lastDay + 1)) (every event a feature)")
        }
        if let label = o.label {
            if case .spend = label, !events.hasAmount {
                throw EngineError("spend= needs an amount column", suggestion: "give amount=COLUMN")
            }
            let windowLast = cut + Int64(label.days) - 1
            if windowLast > events.lastDay {
                let cannot = Set((0..<events.count).filter { events.day[$0] < cut }.map { events.customer[$0] }).count
                let latest = events.lastDay - Int64(label.days) + 1
                throw EngineError("the label window \(CivilCalendar.formatDate(days: cut)) to \(CivilCalendar.formatDate(days: windowLast)) runs past the data's "
                                  + "last day \(CivilCalendar.formatDate(days: events.lastDay)): none of the \(cannot) customers can be labelled honestly",
                                  suggestion: latest > events.firstDay
                                    ? "the latest cut-off with a complete \(label.days)-day label window is \(CivilCalendar.formatDate(days: latest)); or leave the label out to score today's customers"
                                    : "the data are shorter than the label window; use a shorter one")
            }
        }
        let windows = Array(Set(o.windows)).sorted()
        let n = events.customerCount
        // Purchase days per customer before the cut-off, and spend per (customer, day).
        var daySpend: [[Int64: Double]] = Array(repeating: [:], count: n)
        var labelDays: [Set<Int64>] = Array(repeating: [], count: n)
        var labelSpend = [Double](repeating: 0, count: n)
        var countDays: [[Set<Int64>]] = []
        var levels: [[String]] = []
        for c in o.counts {
            let values = Set((0..<events.count).compactMap { c.valueOfRow[events.row[$0]] }).sorted()
            guard values.count <= countLevelLimit else {
                throw EngineError("counts= column '\(c.name)' has \(values.count) values; at most \(countLevelLimit) (one feature each)",
                                  suggestion: "count a column with fewer values, e.g. a channel or category")
            }
            levels.append(values)
            countDays.append(Array(repeating: [], count: n * max(values.count, 1)))
        }
        var fromCutOff = 0
        let labelEnd = cut + Int64(o.label?.days ?? 0)
        for e in 0..<events.count {
            let (c, d, a) = (events.customer[e], events.day[e], events.amount[e])
            if d >= cut {
                fromCutOff += 1
                if d < labelEnd { labelDays[c].insert(d); labelSpend[c] += a }
                continue
            }
            daySpend[c][d, default: 0] += a
            for (k, column) in o.counts.enumerated() {
                guard let v = column.valueOfRow[events.row[e]], let level = levels[k].firstIndex(of: v) else { continue }
                countDays[k][c * levels[k].count + level].insert(d)
            }
            if e % 4096 == 0 { try context.cancellation.check() }
        }
        let included = (0..<n).filter { !daySpend[$0].isEmpty }
        var recency: [Int64] = [], frequency: [Int64] = [], tenure: [Int64] = [], monetary: [Double] = [], average: [Double] = []
        var ordersW = [[Int64]](repeating: [], count: windows.count), spendW = [[Double]](repeating: [], count: windows.count)
        var trendW = [[Double]](repeating: [], count: windows.count)
        for c in included {
            // Sums run over the purchase days in date order: a dictionary's order changes from run to
            // run, and so would the last bits of a floating-point sum (and every split made on it).
            let days = daySpend[c].sorted { $0.key < $1.key }
            let total = days.reduce(0) { $0 + $1.value }
            recency.append(cut - (days.last?.key ?? cut))
            tenure.append(cut - (days.first?.key ?? cut))
            frequency.append(Int64(days.count))
            monetary.append(total)
            average.append(total / Double(days.count))
            for (k, w) in windows.enumerated() {
                let recent = days.filter { $0.key >= cut - Int64(w) }
                let earlier = days.filter { $0.key >= cut - 2 * Int64(w) && $0.key < cut - Int64(w) }
                ordersW[k].append(Int64(recent.count))
                let (now, before) = events.hasAmount ? (recent.reduce(0) { $0 + $1.value }, earlier.reduce(0) { $0 + $1.value })
                    : (Double(recent.count), Double(earlier.count))
                spendW[k].append(now)
                trendW[k].append(before > 0 ? now / before : .nan)
            }
        }
        var columns = [events.customers.taking(included),
                       Column(name: "recency_days", data: .int(recency)),
                       Column(name: "frequency", data: .int(frequency))]
        if events.hasAmount {
            columns += [Column(name: "monetary", data: .float(monetary)), Column(name: "avg_order", data: .float(average))]
        }
        columns.append(Column(name: "tenure_days", data: .int(tenure)))
        for (k, w) in windows.enumerated() {
            columns.append(Column(name: "orders_\(w)", data: .int(ordersW[k])))
            if events.hasAmount { columns.append(Column(name: "spend_\(w)", data: .float(spendW[k]))) }
            columns.append(Column(name: "trend_\(w)", data: .float(trendW[k])))
        }
        for (k, column) in o.counts.enumerated() {
            for (l, level) in levels[k].enumerated() {
                columns.append(Column(name: "orders_\(column.name)_\(featureName(level))",
                                      data: .int(included.map { Int64(countDays[k][$0 * levels[k].count + l].count) })))
            }
        }
        var positives: Int?
        switch o.label {
        case .churn?:
            let churned = included.map { labelDays[$0].isEmpty ? Int64(1) : 0 }
            positives = churned.filter { $0 == 1 }.count
            columns.append(Column(name: "churned", data: .int(churned)))
        case .spend(let days)?:
            columns.append(Column(name: "spend_next_\(days)", data: .float(included.map { labelSpend[$0] })))
        case nil: break
        }
        try context.cancellation.check()
        return PointInTimeResult(table: try Table(columns: columns), cutOff: cut, firstDay: events.firstDay, lastDay: events.lastDay,
                                 customers: included.count, positives: positives, eventsFromCutOff: fromCutOff)
    }

    /// A category value as part of a column name: lower case, anything but letters and digits as "_".
    static func featureName(_ value: String) -> String {
        let mapped = value.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return mapped.isEmpty ? "blank" : mapped
    }
}
