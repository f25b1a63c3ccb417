import StrataEngine

/// The product-page recommendation widget's exposure log over the last eight weeks, and the truth
/// behind it. Each exposure is a customer on a device at an hour; the shop's old rule (the logging
/// policy) picked one of three strategies with a chance that depends on device and time of day;
/// the strategy's list was shown; the customer clicked one item or none, and maybe ordered it.
///
/// For every exposure the generator also draws the lists the other two strategies would have
/// shown and computes, exactly, the chance of a click, an order and the expected revenue under
/// each. `exposures_truth.csv` averages those over the logged contexts: the value of "always use
/// this strategy" that an off-policy estimate should recover from the log alone.
enum ExposureFactory {
    static let count = 25_000
    static let firstDay = Timeline.day(2025, 10, 13)
    static let lastDay = Timeline.end

    /// Independent streams: contexts and lists, the logging policy's choices, the outcomes.
    static let contextStream: UInt64 = 31
    static let choiceStream: UInt64 = 32
    static let outcomeStream: UInt64 = 33

    /// The logging policy, [device][period][strategy]; period 0 is 06:00–17:59, 1 the rest.
    /// Mobile mostly got `popular`, desktop mostly `personalised`; no chance is below 0.10.
    static let loggingPolicy: [[[Double]]] = [
        [[0.60, 0.25, 0.15], [0.50, 0.25, 0.25]],
        [[0.20, 0.30, 0.50], [0.15, 0.25, 0.60]],
        [[0.40, 0.40, 0.20], [0.30, 0.45, 0.25]],
    ]

    static func isEvening(_ hour: Int) -> Bool { hour < 6 || hour >= 18 }

    private struct Exposure {
        let seconds: Int
        let draw: Int
        let customer: Int
        let device: Int
        let lists: [[Int]]
        let outcomes: [ExposureClicks.Outcome]
        let propensities: [Double]
        let strategy: Int
        let clickedPosition: Int?
        let converted: Bool
    }

    static func make(world: World, seed: UInt64) -> [CSVFile] {
        var contexts = SeededGenerator(seed: seed, stream: contextStream)
        var choices = SeededGenerator(seed: seed, stream: choiceStream)
        var outcomes = SeededGenerator(seed: seed, stream: outcomeStream)
        let customers = world.customers
        let popularity = ExposureClicks.popularityScores(world)
        let logPrice = world.logRelativePrices
        // Customers come in proportion to how much they browse while active in the window.
        let visitSampler = CumulativeSampler(weights: customers.map { c in
            let overlap = max(0, min(c.activeEnd, lastDay) - max(c.activeStart, firstDay) + 1)
            return Double(overlap) * c.activity * Segments.profiles[c.segment].sessionsPerYear
        })
        var lists = ExposureLists(world: world)
        var fits: [Int: [Double]] = [:]
        var affinities: [Int: [Double]] = [:]
        var exposures: [Exposure] = []
        exposures.reserveCapacity(count)
        for draw in 0..<count {
            let k = visitSampler.draw(&contexts)
            let c = customers[k]
            let p = Segments.profiles[c.segment]
            let device = contexts.chance(0.6) ? c.favouriteDevice : contexts.pick(p.deviceMix)
            let from = max(c.activeStart, firstDay)
            let day = from + contexts.nextInt(below: min(c.activeEnd, lastDay) - from + 1)
            let seconds = Timeline.moment(on: day, hourWeights: Timeline.deviceHours(device), &contexts)
            let hour = seconds % 86_400 / 3600
            if affinities[k] == nil {
                let affinity = world.affinities(c)
                let (mean, sd) = World.meanAndDeviation(affinity)
                affinities[k] = affinity
                fits[k] = affinity.map { ($0 - mean) / sd }
            }
            let affinity = affinities[k] ?? []
            let fit = fits[k] ?? []
            let shown = lists.lists(for: k, affinity: affinity, &contexts)
            let results = shown.map {
                ExposureClicks.outcome(list: $0, customer: c, fit: fit, popularity: popularity, logPrice: logPrice,
                                       world: world, device: device, evening: isEvening(hour))
            }
            let propensities = loggingPolicy[device][isEvening(hour) ? 1 : 0]
            let strategy = choices.pick(propensities)
            let result = results[strategy]
            let u = outcomes.nextDouble()
            var clicked: Int?
            var cumulative = 0.0
            for (position, chance) in result.clickChances.enumerated() {
                cumulative += chance
                if u < cumulative { clicked = position; break }
            }
            let converted = clicked.map { outcomes.chance(result.orderChances[$0]) } ?? false
            exposures.append(Exposure(seconds: seconds, draw: draw, customer: k, device: device, lists: shown, outcomes: results,
                                      propensities: propensities, strategy: strategy, clickedPosition: clicked, converted: converted))
        }
        exposures.sort { $0.seconds != $1.seconds ? $0.seconds < $1.seconds : $0.draw < $1.draw }
        return [log(exposures, world), truth(exposures, world)]
    }

    private static func log(_ exposures: [Exposure], _ world: World) -> CSVFile {
        var csv = CSVFile(name: "exposures.csv", header: [
            "exposure_id", "user_id", "time", "strategy", "segment", "device", "hour", "items_shown",
            "clicked_item", "clicked", "converted", "revenue", "propensity",
        ])
        for (n, e) in exposures.enumerated() {
            let c = world.customers[e.customer]
            let list = e.lists[e.strategy]
            csv.int(n + 1)
            csv.int(c.id)
            csv.timestamp(seconds: e.seconds)
            csv.text(ExposureLists.strategies[e.strategy])
            csv.text(Segments.profiles[c.segment].label)
            csv.text(Vocabulary.devices[e.device])
            csv.int(e.seconds % 86_400 / 3600)
            csv.text(list.map { String(world.items[$0].id) }.joined(separator: "|"))
            if let k = e.clickedPosition { csv.int(world.items[list[k]].id) } else { csv.missing() }
            csv.int(e.clickedPosition == nil ? 0 : 1)
            csv.int(e.converted ? 1 : 0)
            csv.money(cents: e.converted ? e.outcomes[e.strategy].priceCents[e.clickedPosition ?? 0] : 0)
            csv.fixed(e.propensities[e.strategy], decimals: 2)
            csv.endRow()
        }
        return csv
    }

    /// Expected CTR, conversion and revenue per exposure of each strategy (and of the logging
    /// policy, `logged`) over the logged contexts, by segment × device with `all` margins.
    private static func truth(_ exposures: [Exposure], _ world: World) -> CSVFile {
        let segments = Segments.profiles.count
        let devices = Vocabulary.devices.count
        let policies = ExposureLists.strategies + ["logged"]
        // sums[policy][segment (+1 for all)][device (+1 for all)] = (exposures, clicks, orders, cents)
        var sums = [[[(Int, Double, Double, Double)]]](
            repeating: [[(Int, Double, Double, Double)]](repeating: [(Int, Double, Double, Double)](repeating: (0, 0, 0, 0), count: devices + 1),
                                                         count: segments + 1),
            count: policies.count)
        for e in exposures {
            let s = world.customers[e.customer].segment
            for policy in policies.indices {
                var value = (0.0, 0.0, 0.0)
                for a in e.outcomes.indices where policy == a || policy == policies.count - 1 {
                    let weight = policy == a ? 1 : e.propensities[a]
                    value.0 += weight * e.outcomes[a].clickChance
                    value.1 += weight * e.outcomes[a].orderChance
                    value.2 += weight * e.outcomes[a].expectedCents
                }
                for (si, di) in [(s, e.device), (s, devices), (segments, e.device), (segments, devices)] {
                    let old = sums[policy][si][di]
                    sums[policy][si][di] = (old.0 + 1, old.1 + value.0, old.2 + value.1, old.3 + value.2)
                }
            }
        }
        var csv = CSVFile(name: "exposures_truth.csv", header: [
            "strategy", "segment", "device", "exposures", "true_ctr", "true_conversion", "true_revenue",
        ])
        let segmentLabels = Segments.profiles.map(\.label) + ["all"]
        let deviceLabels = Vocabulary.devices + ["all"]
        for policy in policies.indices {
            for si in 0...segments {
                for di in 0...devices {
                    let (n, clicks, orders, cents) = sums[policy][si][di]
                    guard n > 0 else { continue }
                    csv.text(policies[policy])
                    csv.text(segmentLabels[si])
                    csv.text(deviceLabels[di])
                    csv.int(n)
                    csv.fixed(clicks / Double(n), decimals: 6)
                    csv.fixed(orders / Double(n), decimals: 6)
                    csv.fixed(cents / Double(n) / 100, decimals: 4)
                    csv.endRow()
                }
            }
        }
        return csv
    }
}
