import StrataEngine

/// A three-variant test of the product-page recommendation widget: no widget (`control`), "similar
/// items" and "bought together", one third each by design. Engagement (page views) is what the
/// widget moves most and is well predicted by the visitor's page views before the test, so CUPED
/// has much to remove; a tracking bug loses half of `bought_together`'s tablet visitors, a sample
/// ratio mismatch that a breakdown by device locates.
enum WidgetExperimentFactory {
    static let visitors = 30_000
    static let firstVisitorId = 200_001
    static let firstDay = Timeline.day(2025, 11, 10)
    static let days = 28
    static let variants = ["control", "similar", "bought_together"]
    /// Relative change in page views, conversion and order value against control.
    static let pageviewLift = [1.00, 1.05, 1.10]
    static let conversionLift = [1.00, 1.00, 1.10]
    static let orderValueLift = [1.00, 1.00, 1.05]
    static let controlRate = 0.08
    /// Mean page views over four weeks for an average visitor, before and during the test.
    static let pageviews = 6.0
    /// Share of `bought_together`'s tablet visitors whose records never arrived.
    static let lostTabletShare = 0.5

    static func make(seed: UInt64) -> CSVFile {
        var rng = SeededGenerator(seed: seed, stream: Streams.widgetExperiment)
        let deviceShare = ExperimentFactory.deviceShare
        let deviceFactor = ExperimentFactory.deviceFactor
        var mix = 0.0
        for d in 0..<3 { mix += deviceShare[d] * deviceFactor[d] }
        let daySampler = CumulativeSampler(weights: (0..<days).map { Timeline.baseWeight(firstDay + $0) })
        var rows: [(day: Int, variant: Int, device: Int, pre: Int, views: Int, converted: Bool, cents: Int)] = []
        for _ in 0..<visitors {
            let day = firstDay + daySampler.draw(&rng)
            let variant = rng.nextInt(below: variants.count)
            let device = rng.pick(deviceShare)
            // Lognormal engagement with mean 1: exp(N(−σ²/2, σ²)).
            let engagement = DetMath.exp(rng.normal(mean: -0.18, sd: 0.6))
            let pre = rng.poisson(pageviews * engagement)
            let views = rng.poisson(pageviews * engagement * pageviewLift[variant])
            let converted = rng.chance(controlRate * deviceFactor[device] / mix * conversionLift[variant])
            var cents = 0
            if converted {
                cents = Int((DetMath.exp(rng.normal(mean: 3.55, sd: 0.6)) * orderValueLift[variant] * 100).rounded())
            }
            let lost = variant == 2 && device == 2 && rng.chance(lostTabletShare)
            if !lost { rows.append((day, variant, device, pre, views, converted, cents)) }
        }
        var csv = CSVFile(name: "experiment_widget.csv",
                          header: ["user_id", "date", "variant", "device", "pre_pageviews", "pageviews", "converted", "revenue"])
        let order = rows.indices.sorted { rows[$0].day != rows[$1].day ? rows[$0].day < rows[$1].day : $0 < $1 }
        for (n, k) in order.enumerated() {
            let r = rows[k]
            csv.int(firstVisitorId + n)
            csv.date(days: r.day)
            csv.text(variants[r.variant])
            csv.text(Vocabulary.devices[r.device])
            csv.int(r.pre)
            csv.int(r.views)
            csv.int(r.converted ? 1 : 0)
            csv.money(cents: r.cents)
            csv.endRow()
        }
        return csv
    }
}
