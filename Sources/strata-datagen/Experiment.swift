import StrataEngine

/// A checkout-page A/B test on site visitors (not only registered customers): B converts 12 %
/// better in relative terms in every device group and does not change order size. Each visitor
/// also has sessions during the test and revenue in the four weeks before it (see `VisitorHabits`).
enum ExperimentFactory {
    static let visitors = 20_000
    static let firstVisitorId = 100_001
    static let controlRate = 0.100
    static let relativeLift = 1.12
    static let firstDay = Timeline.day(2025, 10, 6)
    static let days = 28

    static let deviceShare = [0.55, 0.35, 0.10]
    /// Conversion relative to the average visitor: desktop visitors convert best.
    static let deviceFactor = [0.85, 1.25, 1.0]

    static func make(seed: UInt64) -> CSVFile {
        var rng = SeededGenerator(seed: seed, stream: Streams.experiment)
        var mix = 0.0
        for d in 0..<3 { mix += deviceShare[d] * deviceFactor[d] }
        let daySampler = CumulativeSampler(weights: (0..<days).map { Timeline.baseWeight(firstDay + $0) })

        var csv = CSVFile(name: "experiment.csv",
                          header: ["user_id", "date", "variant", "device", "converted", "revenue", "sessions", "pre_revenue"])
        var rows: [(day: Int, variant: Int, device: Int, converted: Bool, cents: Int)] = []
        for _ in 0..<visitors {
            let day = firstDay + daySampler.draw(&rng)
            // Assignment is a fair coin per visitor, so the arms are only roughly equal in size.
            let variant = rng.nextInt(below: 2)
            let device = rng.pick(deviceShare)
            let converted = rng.chance(rate(variant: variant, device: device, mix: mix))
            var cents = 0
            if converted {
                let logMean = 3.55 + (device == 1 ? 0.15 : 0)
                cents = Int((DetMath.exp(rng.normal(mean: logMean, sd: 0.6)) * 100).rounded())
            }
            rows.append((day, variant, device, converted, cents))
        }
        var history = SeededGenerator(seed: seed, stream: Streams.experimentHistory)
        let habits = rows.map { r in
            VisitorHabits.draw(converted: r.converted, rate: rate(variant: r.variant, device: r.device, mix: mix), &history)
        }
        // Visitors are numbered in order of arrival.
        let order = rows.indices.sorted { rows[$0].day != rows[$1].day ? rows[$0].day < rows[$1].day : $0 < $1 }
        for (n, k) in order.enumerated() {
            let r = rows[k]
            csv.int(firstVisitorId + n)
            csv.date(days: r.day)
            csv.text(r.variant == 0 ? "A" : "B")
            csv.text(Vocabulary.devices[r.device])
            csv.int(r.converted ? 1 : 0)
            csv.money(cents: r.cents)
            csv.int(habits[k].sessions)
            csv.money(cents: habits[k].preRevenueCents)
            csv.endRow()
        }
        return csv
    }

    static func rate(variant: Int, device: Int, mix: Double) -> Double {
        controlRate * deviceFactor[device] / mix * (variant == 1 ? relativeLift : 1)
    }
}
