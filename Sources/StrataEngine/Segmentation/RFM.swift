public enum RFMMetric: String, Sendable, CaseIterable {
    case recency, frequency, monetary

    /// Recent customers (few days) are the good ones.
    public var direction: Direction { self == .recency ? .lowerIsBetter : .higherIsBetter }
}

public struct RFMOptions: Sendable {
    public var customer: String
    public var date: String
    public var amount: String
    /// Frequency counts distinct invoices when given, else purchase rows.
    public var invoice: String?
    /// Days since 1970-01-01; nil = the day after the last transaction.
    public var asOf: Int64?
    public var bins: Int = 5
    public var ties: TieRule = .average
    /// Explicit cut points per metric, instead of quantile bins.
    public var cuts: [RFMMetric: [Double]] = [:]

    public init(customer: String, date: String, amount: String) {
        self.customer = customer
        self.date = date
        self.amount = amount
    }
}

/// One score bin as it came out: the values of the customers who got `score`.
public struct RFMBin: Sendable, Equatable {
    public let metric: RFMMetric
    public let score: Int
    public let lowest: Double
    public let highest: Double
    public let customers: Int
}

public struct RFMResult: Sendable {
    /// One row per customer, in order of first appearance: customer, recency, frequency, monetary,
    /// r_score, f_score, m_score, rfm, segment (segment only with 5 bins everywhere).
    public let table: Table
    public let asOf: Int64
    public let bins: [RFMBin]
    public let rowsUsed: Int
    public let rowsWithoutCustomer: Int
    public let rowsMissingDateOrAmount: Int
    public let rowsOnOrAfterAsOf: Int
    public let returnRows: Int
    /// Customers left out because they had no purchase (only returns) before `asOf`.
    public let customersWithoutPurchase: Int
}

/// Recency, frequency and monetary value per customer from a transactions table.
///
/// Rules: a row with amount < 0 is a return; it lowers `monetary` (a net sum) but is not a purchase,
/// so it neither counts in `frequency` nor sets `recency`. Rows without a customer, date or amount
/// are left out and counted, as are rows dated on or after `asOf`. Recency is whole days from the
/// last purchase's date to `asOf`, so a purchase on the day before `asOf` has recency 1.
public enum RFM {
    public static func compute(_ table: Table, options o: RFMOptions, context: RunContext = .quiet) throws -> RFMResult {
        let customer = try table.requireColumn(o.customer)
        let dateColumn = try table.requireColumn(o.date)
        let days: [Int64]
        switch dateColumn.data {
        case .date(let d): days = d
        case .timestamp(let s): days = s.map { CivilCalendar.floorDiv($0, 86_400) }
        default:
            throw EngineError("column '\(o.date)' is \(dateColumn.type.rawValue), not a date or timestamp",
                              suggestion: "give date= a date or timestamp column")
        }
        guard let amounts = try table.requireColumn(o.amount).doubles() else {
            throw EngineError("column '\(o.amount)' is text, not an amount", suggestion: "give amount= a numeric column")
        }
        let n = table.rowCount
        let customerKeys = try DenseKeyEncoder.encode(customer, missing: .excluded, context: context)
        var usable = [Bool](repeating: false, count: n)
        var withoutCustomer = 0, missingDateOrAmount = 0
        var lastDay = Int64.min
        for i in 0..<n {
            if customerKeys.ids[i] < 0 { withoutCustomer += 1; continue }
            if dateColumn.isMissing(i) || !amounts[i].isFinite { missingDateOrAmount += 1; continue }
            usable[i] = true
            lastDay = max(lastDay, days[i])
        }
        guard lastDay > Int64.min else {
            throw EngineError("no usable transactions: every row lacks a customer, a date or an amount")
        }
        let asOf = o.asOf ?? lastDay + 1
        var afterAsOf = 0, returns = 0, used = 0
        let k = customerKeys.count
        var lastPurchase = [Int64](repeating: Int64.min, count: k)
        var rowPurchases = [Int](repeating: 0, count: k)
        var monetary = [CompensatedSum](repeating: CompensatedSum(), count: k)
        var purchaseKeys = customerKeys
        for i in 0..<n where usable[i] {
            if days[i] >= asOf { afterAsOf += 1; usable[i] = false; purchaseKeys.ids[i] = -1; continue }
            used += 1
            let c = Int(customerKeys.ids[i])
            monetary[c].add(amounts[i])
            if amounts[i] < 0 { returns += 1; purchaseKeys.ids[i] = -1; continue }
            rowPurchases[c] += 1
            lastPurchase[c] = max(lastPurchase[c], days[i])
        }
        for i in 0..<n where !usable[i] { purchaseKeys.ids[i] = -1 }
        try context.cancellation.check()
        var frequency = rowPurchases
        if let invoiceName = o.invoice {
            let invoices = try DenseKeyEncoder.encode(try table.requireColumn(invoiceName), missing: .excluded, context: context)
            let pairs = try DenseKeyEncoder.combine(purchaseKeys, invoices, context: context)
            frequency = [Int](repeating: 0, count: k)
            for row in pairs.firstRow { frequency[Int(customerKeys.ids[row])] += 1 }
        }
        let kept = (0..<k).filter { lastPurchase[$0] > Int64.min }
        guard !kept.isEmpty else {
            throw EngineError("no customer has a purchase before \(CivilCalendar.formatDate(days: asOf))",
                              suggestion: "check asof= and the sign of the amounts")
        }
        let recency = kept.map { Double(asOf - lastPurchase[$0]) }
        let freq = kept.map { Double(frequency[$0]) }
        let money = kept.map { monetary[$0].value }
        var scores: [RFMMetric: [Int]] = [:]
        var bins: [RFMBin] = []
        for (metric, values) in [(RFMMetric.recency, recency), (.frequency, freq), (.monetary, money)] {
            let s = try o.cuts[metric].map { try RankScores.scores(values, cuts: $0, direction: metric.direction) }
                ?? RankScores.scores(values, bins: o.bins, ties: o.ties, direction: metric.direction)
            scores[metric] = s
            bins += describeBins(metric, values: values, scores: s)
        }
        let r = scores[.recency] ?? [], f = scores[.frequency] ?? [], m = scores[.monetary] ?? []
        var columns = [customer.taking(kept.map { customerKeys.firstRow[$0] }).renamed(o.customer),
                       Column(name: "recency", data: .int(recency.map { Int64($0) })),
                       Column(name: "frequency", data: .int(freq.map { Int64($0) })),
                       Column(name: "monetary", data: .float(money)),
                       Column(name: "r_score", data: .int(r.map { Int64($0) })),
                       Column(name: "f_score", data: .int(f.map { Int64($0) })),
                       Column(name: "m_score", data: .int(m.map { Int64($0) }))]
        var code = ColumnBuilder(name: "rfm", type: .string, capacity: kept.count)
        var segment = ColumnBuilder(name: "segment", type: .string, capacity: kept.count)
        // Names belong to the 5 × 5 map, so every metric needs exactly five scores.
        var named = RFMMetric.allCases.allSatisfy { (o.cuts[$0]?.count ?? o.bins - 1) == 4 }
        for i in kept.indices {
            code.appendString("\(r[i])\(f[i])\(m[i])")
            if named, let s = RFMSegments.name(r: r[i], f: f[i], m: m[i]) { segment.appendString(s) } else { named = false; segment.appendMissing() }
        }
        columns.append(code.finish())
        if named { columns.append(segment.finish()) }
        return RFMResult(table: try Table(columns: columns), asOf: asOf, bins: bins, rowsUsed: used,
                         rowsWithoutCustomer: withoutCustomer, rowsMissingDateOrAmount: missingDateOrAmount,
                         rowsOnOrAfterAsOf: afterAsOf, returnRows: returns, customersWithoutPurchase: k - kept.count)
    }

    static func describeBins(_ metric: RFMMetric, values: [Double], scores: [Int]) -> [RFMBin] {
        var lowest: [Int: Double] = [:], highest: [Int: Double] = [:], counts: [Int: Int] = [:]
        for (v, s) in zip(values, scores) {
            lowest[s] = min(lowest[s] ?? v, v)
            highest[s] = max(highest[s] ?? v, v)
            counts[s, default: 0] += 1
        }
        return counts.keys.sorted().map {
            RFMBin(metric: metric, score: $0, lowest: lowest[$0] ?? 0, highest: highest[$0] ?? 0, customers: counts[$0] ?? 0)
        }
    }
}
