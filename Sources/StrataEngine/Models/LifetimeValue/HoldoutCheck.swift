/// Expected against actual repeat purchases in a hold-out period, by calibration frequency, as
/// lifetimes' `plot_calibration_purchases_vs_holdout_purchases` shows them: the model is fitted on
/// the calibration period, and for each calibration customer the expected purchase days in the
/// hold-out are compared with the purchase days they actually made there (customers first seen in
/// the hold-out are left out, as lifetimes' left join does).
public struct HoldoutCheck: Sendable {
    public struct Bucket: Sendable, Equatable {
        /// Calibration frequency (repeat purchases); the last bucket holds `frequency` and above.
        public let frequency: Int
        public let isOpenEnded: Bool
        public let customers: Int
        public let actualMean: Double
        public let expectedMean: Double
    }

    public let calibrationEnd: Int64
    public let holdoutDays: Int
    public let model: BetaGeoModel
    public let buckets: [Bucket]
    public let customers: Int
    public let actualTotal: Double
    public let expectedTotal: Double

    /// Buckets 0…5 each on their own and one for 6 and more would hide lifetimes' 7th group, so the
    /// buckets are 0…6 and "7 and more".
    public static let openBucket = 7

    public static func compute(_ events: CustomerEvents, end: Int64, holdoutDays: Int, context: RunContext) throws -> HoldoutCheck {
        let calibrationEnd = end - Int64(holdoutDays)
        guard calibrationEnd >= events.firstDay else {
            throw EngineError("a hold-out of \(holdoutDays) days leaves no calibration period: the data start "
                              + "\(CivilCalendar.formatDate(days: events.firstDay)) and end \(CivilCalendar.formatDate(days: end))",
                              suggestion: "use a shorter holdout=")
        }
        let summary = RepeatPurchaseSummary.compute(events, end: calibrationEnd)
        let model = try BetaGeoEstimator().fit(summary, context: context)
        let holdout = RepeatPurchaseSummary.dailyTotals(events, from: calibrationEnd + 1, through: end)
        var actual = [Double](repeating: 0, count: openBucket + 1), expected = actual, counts = [Int](repeating: 0, count: openBucket + 1)
        var actualTotal = 0.0, expectedTotal = 0.0
        for i in 0..<summary.count {
            let bucket = min(Int(summary.frequency[i]), openBucket)
            let made = Double(holdout[summary.customerIndex[i]]?.count ?? 0)
            let predicted = try model.expectedPurchases(days: Double(holdoutDays), frequency: summary.frequency[i],
                                                        recency: summary.recency[i], T: summary.T[i])
            actual[bucket] += made; expected[bucket] += predicted; counts[bucket] += 1
            actualTotal += made; expectedTotal += predicted
        }
        let buckets = (0...openBucket).filter { counts[$0] > 0 }.map {
            Bucket(frequency: $0, isOpenEnded: $0 == openBucket, customers: counts[$0],
                   actualMean: actual[$0] / Double(counts[$0]), expectedMean: expected[$0] / Double(counts[$0]))
        }
        return HoldoutCheck(calibrationEnd: calibrationEnd, holdoutDays: holdoutDays, model: model, buckets: buckets,
                            customers: summary.count, actualTotal: actualTotal, expectedTotal: expectedTotal)
    }
}
