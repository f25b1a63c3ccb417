import Foundation
import Testing
@testable import StrataEngine

/// lifetimes 0.11 figures written by `Tests/fixtures-src/clv_reference.py`.
struct CLVFixture: Decodable {
    struct Params: Decodable {
        let r: Double; let alpha: Double; let a: Double; let b: Double; let log_likelihood: Double
        let p: Double; let q: Double; let v: Double; let gg_customers: Int; let customers: Int
    }
    struct Customer: Decodable {
        let customer: String; let frequency: Double; let recency: Double; let T: Double; let monetary: Double
        let expected_purchases: Double; let p_alive: Double; let expected_spend: Double; let clv: Double
    }
    struct Totals: Decodable { let customers: Int; let frequency: Double; let recency: Double; let T: Double; let monetary: Double }
    struct Bucket: Decodable { let frequency: Int; let customers: Int; let actual: Double; let expected: Double }
    struct Holdout: Decodable { let holdout_days: Int; let r: Double; let alpha: Double; let a: Double; let b: Double; let buckets: [Bucket] }
    struct Bundled: Decodable { let end: String; let params: Params; let summary_totals: Totals; let customers: [Customer]; let holdout: Holdout }
    struct Retail: Decodable {
        let params: Params; let frequency: [Double]; let recency: [Double]; let T: [Double]; let monetary: [Double]; let customers: [Customer]
    }
    let horizon_months: Int
    let discount: Double
    let bundled: Bundled
    let online_retail: Retail

    static func load() throws -> CLVFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("clv_reference.json")
        return try JSONDecoder().decode(CLVFixture.self, from: Data(contentsOf: url))
    }
}

func clvClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance * max(abs(b), 1e-12) }

struct LifetimeValueReferenceTests {
    @Test func onlineRetailParametersMatchLifetimes() throws {
        let f = try CLVFixture.load().online_retail
        let n = f.frequency.count
        let summary = RepeatPurchaseSummary(customerIndex: Array(0..<n), frequency: f.frequency, recency: f.recency, T: f.T,
                                            monetary: f.monetary, end: 0)
        let bg = try BetaGeoEstimator().fit(summary, context: .quiet)
        let spend = try GammaGammaEstimator().fit(SpendData(summary), context: .quiet)
        let p = f.params
        for (ours, theirs, name) in [(bg.r, p.r, "r"), (bg.alpha, p.alpha, "alpha"), (bg.a, p.a, "a"), (bg.b, p.b, "b"),
                                     (spend.p, p.p, "p"), (spend.q, p.q, "q"), (spend.v, p.v, "v")] {
            #expect(clvClose(ours, theirs, 1e-3), "\(name): ours \(ours), lifetimes \(theirs)")
        }
        #expect(bg.logLikelihood >= p.log_likelihood - 1e-6 * abs(p.log_likelihood))
        #expect(SpendData(summary).frequency.count == p.gg_customers)
        try checkCustomers(f.customers, bg: bg, spend: spend)
    }

    @Test func bundledTransactionsMatchLifetimes() throws {
        let fixture = try CLVFixture.load()
        let f = fixture.bundled
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var table = try CSVReader.read(path: root.appendingPathComponent("datasets/transactions.csv").path).table
        let q = try #require(table.requireColumn("quantity").doubles()), u = try #require(table.requireColumn("unit_price").doubles())
        try table.setColumn(Column(name: "amount", data: .float(zip(q, u).map { $0 * $1 })))
        let events = try CustomerEvents.extract(table, customer: "customer_id", time: "invoice_date", amount: "amount", context: .quiet)
            .purchasesOnly().events
        let summary = RepeatPurchaseSummary.compute(events, end: events.lastDay)
        #expect(CivilCalendar.formatDate(days: events.lastDay) == f.end)
        #expect(summary.count == f.summary_totals.customers)
        #expect(summary.frequency.reduce(0, +) == f.summary_totals.frequency)
        #expect(summary.recency.reduce(0, +) == f.summary_totals.recency)
        #expect(summary.T.reduce(0, +) == f.summary_totals.T)
        #expect(clvClose(summary.monetary.reduce(0, +), f.summary_totals.monetary, 1e-9))
        var options = LifetimeValueOptions()
        options.holdoutDays = f.holdout.holdout_days
        let result = try LifetimeValueAnalysis.run(events, options: options, context: .quiet)
        let p = f.params
        for (ours, theirs, name) in [(result.purchases.r, p.r, "r"), (result.purchases.alpha, p.alpha, "alpha"), (result.purchases.a, p.a, "a"),
                                     (result.purchases.b, p.b, "b"), (result.spend.p, p.p, "p"), (result.spend.q, p.q, "q"), (result.spend.v, p.v, "v")] {
            #expect(clvClose(ours, theirs, 1e-3), "\(name): ours \(ours), lifetimes \(theirs)")
        }
        try checkCustomers(f.customers, bg: result.purchases, spend: result.spend)
        let holdout = try #require(result.holdout)
        for (ours, theirs) in zip([holdout.model.r, holdout.model.alpha, holdout.model.a, holdout.model.b],
                                  [f.holdout.r, f.holdout.alpha, f.holdout.a, f.holdout.b]) {
            #expect(clvClose(ours, theirs, 1e-3), "hold-out fit: ours \(ours), lifetimes \(theirs)")
        }
        for reference in f.holdout.buckets where reference.frequency < HoldoutCheck.openBucket {
            let bucket = try #require(holdout.buckets.first { $0.frequency == reference.frequency })
            #expect(bucket.customers == reference.customers)
            #expect(clvClose(bucket.actualMean, reference.actual, 1e-12))
            #expect(clvClose(bucket.expectedMean, reference.expected, 2e-3), "bucket \(reference.frequency)")
        }
    }

    /// Per-customer figures with lifetimes' own parameters, so they test the formulas, not the fit.
    func checkCustomers(_ customers: [CLVFixture.Customer], bg fitted: BetaGeoModel, spend fittedSpend: GammaGammaModel) throws {
        _ = (fitted, fittedSpend)
        let f = try CLVFixture.load()
        let params = customers.first.map { c in f.online_retail.customers.contains { $0.customer == c.customer && $0.T == c.T } } == true
            ? f.online_retail.params : f.bundled.params
        let bg = BetaGeoModel(r: params.r, alpha: params.alpha, a: params.a, b: params.b)
        let spend = GammaGammaModel(p: params.p, q: params.q, v: params.v)
        for c in customers {
            let horizon = Double(f.horizon_months) * 30
            let expected = try bg.expectedPurchases(days: horizon, frequency: c.frequency, recency: c.recency, T: c.T)
            #expect(clvClose(expected, c.expected_purchases, 1e-9), "customer \(c.customer): \(expected) vs \(c.expected_purchases)")
            #expect(clvClose(bg.probabilityAlive(frequency: c.frequency, recency: c.recency, T: c.T), c.p_alive, 1e-9))
            let m = spend.expectedAverageSpend(frequency: c.frequency, monetary: c.monetary)
            #expect(clvClose(m, c.expected_spend, 1e-9))
            let clv = try CustomerLifetimeValue.value(purchases: bg, averageSpend: m, months: f.horizon_months, monthlyDiscount: f.discount,
                                                      frequency: c.frequency, recency: c.recency, T: c.T)
            #expect(clvClose(clv, c.clv, 1e-9), "customer \(c.customer) clv \(clv) vs \(c.clv)")
        }
    }

    @Test func hypergeometricSeriesKnownValues() throws {
        // 2F1(1, 1; 2; z) = −ln(1−z)/z
        #expect(abs(try Hypergeometric.f21(1, 1, 2, 0.9) - (-log(0.1) / 0.9)) < 1e-13)
        // 2F1(a, b; b; z) = (1−z)^−a
        #expect(abs(try Hypergeometric.f21(0.5, 3, 3, 0.99) - pow(0.01, -0.5)) < 1e-10)
        #expect(throws: EngineError.self) { try Hypergeometric.f21(1, 1, 2, 1) }
    }
}
