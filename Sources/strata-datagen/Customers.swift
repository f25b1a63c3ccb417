import StrataEngine

enum CustomerTable {
    /// Share of customers who churn: the logistic model's intercept is solved for it, so tuning
    /// the other coefficients never moves the base rate.
    static let targetChurnRate = 0.25

    static func make(world: World, purchases: [PurchaseSummary], seed: UInt64) -> (customers: CSVFile, segments: CSVFile) {
        var rng = SeededGenerator(seed: seed, stream: Streams.churn)
        let profiles = Segments.profiles

        var calls: [Int] = []
        var score: [Double] = []
        for (ci, c) in world.customers.enumerated() {
            let p = profiles[c.segment]
            let s = purchases[ci]
            let supportCalls = rng.poisson(p.supportRate * DetMath.exp(0.5 * c.dissatisfaction) + 0.6 * Double(s.returns))
            calls.append(supportCalls)
            let recency = Double(Timeline.asOf - (s.lastOrderDay ?? c.activeStart))
            let tenure = Double(min(Timeline.monthsBetween(c.signupDay, Timeline.asOf), 48))
            // Churn = no purchase in the 90 days after the snapshot. It is decided by how long the
            // customer has been quiet, how often they complained, how long they have stayed, their
            // segment, and a grievance the table does not show (support calls are its only trace).
            score.append(0.012 * recency + 0.25 * Double(supportCalls) - 0.02 * tenure
                         + p.churnOffset + 0.4 * c.dissatisfaction)
        }
        let intercept = solveIntercept(score, rate: targetChurnRate)

        var customers = CSVFile(name: "customers.csv", header: [
            "customer_id", "signup_date", "age", "gender", "country", "channel", "tenure_months", "orders", "spend",
            "support_calls", "avg_basket", "last_order_date", "churned",
        ])
        var segments = CSVFile(name: "segments.csv", header: ["customer_id", "latent_segment"])
        for (ci, c) in world.customers.enumerated() {
            let s = purchases[ci]
            let churned = rng.chance(DetMath.sigmoid(intercept + score[ci]))
            customers.int(c.id)
            customers.date(days: c.signupDay)
            if let age = c.age { customers.int(age) } else { customers.missing() }
            customers.text(c.gender)
            if let country = c.country { customers.text(country) } else { customers.missing() }
            customers.text(Vocabulary.channels[c.channel])
            customers.int(Timeline.monthsBetween(c.signupDay, Timeline.asOf))
            customers.int(s.orders)
            customers.money(cents: s.spendCents)
            customers.int(calls[ci])
            if s.orders > 0 {
                customers.money(cents: (2 * s.spendCents + s.orders) / (2 * s.orders))
            } else {
                customers.missing()
            }
            if let last = s.lastOrderDay { customers.date(days: last) } else { customers.missing() }
            customers.int(churned ? 1 : 0)
            customers.endRow()

            segments.int(c.id)
            segments.text(profiles[c.segment].label)
            segments.endRow()
        }
        return (customers, segments)
    }

    /// The intercept b with mean(sigmoid(b + score)) = rate, by bisection (the mean is increasing in b).
    private static func solveIntercept(_ score: [Double], rate: Double) -> Double {
        var lo = -30.0
        var hi = 30.0
        for _ in 0..<80 {
            let mid = (lo + hi) / 2
            var total = 0.0
            for s in score { total += DetMath.sigmoid(mid + s) }
            if total / Double(score.count) < rate { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
