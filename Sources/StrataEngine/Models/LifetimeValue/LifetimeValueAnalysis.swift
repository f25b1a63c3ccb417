/// The `clv` workflow in the engine: summarize a transaction log, fit BG/NBD and Gamma–Gamma,
/// and score every customer; optionally check the purchase model on a hold-out period.
public struct LifetimeValueOptions: Sendable {
    /// Last day of the observation period (inclusive); nil = the last day in the data.
    public var end: Int64?
    public var holdoutDays: Int?
    public var horizonMonths: Int = 12
    public var monthlyDiscount: Double = 0.01

    public init() {}
}

public struct LifetimeValueResult: Sendable {
    /// customer, frequency, recency, T, monetary, expected_purchases, p_alive, expected_spend, clv.
    public let table: Table
    public let end: Int64
    public let purchases: BetaGeoModel
    public let spend: GammaGammaModel
    public let spendLeftOut: Int
    public let eventsAfterEnd: Int
    public let holdout: HoldoutCheck?
}

public enum LifetimeValueAnalysis {
    public static func run(_ events: CustomerEvents, options o: LifetimeValueOptions, context: RunContext) throws -> LifetimeValueResult {
        let end = o.end ?? events.lastDay
        guard end >= events.firstDay else {
            throw EngineError("end=\(CivilCalendar.formatDate(days: end)) is before the first event "
                              + "(\(CivilCalendar.formatDate(days: events.firstDay)))",
                              suggestion: "the data run from \(CivilCalendar.formatDate(days: events.firstDay)) "
                                  + "to \(CivilCalendar.formatDate(days: events.lastDay))")
        }
        let summary = RepeatPurchaseSummary.compute(events, end: end)
        let purchases = try BetaGeoEstimator().fit(summary, context: context)
        let spendData = SpendData(summary)
        let spend = try GammaGammaEstimator().fit(spendData, context: context)
        guard spend.q > 1 else {
            throw EngineError("the fitted Gamma–Gamma q = \(DescribeFormat.number(spend.q)) is not above 1, so the population mean "
                              + "spend v·p/(q−1) is undefined", suggestion: "check the amounts for outliers or negative values")
        }
        try context.cancellation.check()
        let horizonDays = Double(o.horizonMonths) * CustomerLifetimeValue.daysPerMonth
        var expected: [Double] = [], alive: [Double] = [], average: [Double] = [], value: [Double] = []
        for i in 0..<summary.count {
            let (x, tx, t) = (summary.frequency[i], summary.recency[i], summary.T[i])
            expected.append(try purchases.expectedPurchases(days: horizonDays, frequency: x, recency: tx, T: t))
            alive.append(purchases.probabilityAlive(frequency: x, recency: tx, T: t))
            let m = spend.expectedAverageSpend(frequency: x, monetary: summary.monetary[i])
            average.append(m)
            value.append(try CustomerLifetimeValue.value(purchases: purchases, averageSpend: m, months: o.horizonMonths,
                                                         monthlyDiscount: o.monthlyDiscount, frequency: x, recency: tx, T: t))
            if i % 1024 == 0 { try context.cancellation.check() }
        }
        let table = try Table(columns: [
            events.customers.taking(summary.customerIndex),
            Column(name: "frequency", data: .int(summary.frequency.map { Int64($0) })),
            Column(name: "recency", data: .int(summary.recency.map { Int64($0) })),
            Column(name: "T", data: .int(summary.T.map { Int64($0) })),
            Column(name: "monetary", data: .float(summary.monetary)),
            Column(name: "expected_purchases", data: .float(expected)),
            Column(name: "p_alive", data: .float(alive)),
            Column(name: "expected_spend", data: .float(average)),
            Column(name: "clv", data: .float(value)),
        ])
        let holdout = try o.holdoutDays.map { try HoldoutCheck.compute(events, end: end, holdoutDays: $0, context: context) }
        return LifetimeValueResult(table: table, end: end, purchases: purchases, spend: spend, spendLeftOut: spendData.leftOut,
                                   eventsAfterEnd: events.day.filter { $0 > end }.count, holdout: holdout)
    }
}
