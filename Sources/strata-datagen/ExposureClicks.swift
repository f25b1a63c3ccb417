import StrataEngine

/// How a customer responds to a list: at most one click, chosen by a multinomial logit with a
/// "no click" option of utility 0, so the chance of each outcome is exact and the truth file can
/// state the expected CTR of lists that were never shown.
///
/// An item's utility is the segment's base, plus fit to the customer's true taste (hidden axes
/// included, standardised over the catalogue) and the item's popularity (standardised), each
/// weighted by segment and device, less a penalty for its position in the list. Customers with
/// strong tastes follow fit; those with weak tastes follow the crowd. Desktop visitors read the
/// whole list and weigh fit; mobile visitors look at the first items and follow popularity.
enum ExposureClicks {
    /// Per segment, in `Segments.profiles` order: bargain_hunter, loyal_regular, big_spender,
    /// occasional, lapsed.
    static let base = [-5.0, -4.8, -5.0, -5.2, -5.6]
    static let fitWeight = [0.65, 0.95, 1.15, 0.45, 0.25]
    static let popularityWeight = [0.45, 0.15, 0.05, 0.55, 0.65]
    /// Per device: mobile, desktop, tablet.
    static let deviceFit = [0.7, 1.3, 1.0]
    static let devicePopularity = [1.4, 0.6, 1.0]
    static let positionPenalty = [0.55, 0.2, 0.35]
    /// Evenings (18:00–05:59) are for browsing: every item is a little more attractive.
    static let eveningBoost = 0.15

    struct Outcome {
        /// Chance of a click on each list position.
        let clickChances: [Double]
        /// Chance of an order given a click on each position.
        let orderChances: [Double]
        let priceCents: [Int]

        var clickChance: Double { clickChances.reduce(0, +) }
        var orderChance: Double { zip(clickChances, orderChances).reduce(0) { $0 + $1.0 * $1.1 } }
        var expectedCents: Double {
            var total = 0.0
            for k in clickChances.indices { total += clickChances[k] * orderChances[k] * Double(priceCents[k]) }
            return total
        }
    }

    /// Standardised popularity of every item, shared by all customers.
    static func popularityScores(_ world: World) -> [Double] {
        let (mean, sd) = World.meanAndDeviation(world.items.map(\.logPopularity))
        return world.items.map { ($0.logPopularity - mean) / sd }
    }

    static func outcome(list: [Int], customer c: Customer, fit: [Double], popularity: [Double], logPrice: [Double],
                        world: World, device: Int, evening: Bool) -> Outcome {
        let s = c.segment
        var weights: [Double] = []
        var orders: [Double] = []
        for (position, item) in list.enumerated() {
            let u = base[s] + (evening ? eveningBoost : 0) + deviceFit[device] * fitWeight[s] * fit[item]
                + devicePopularity[device] * popularityWeight[s] * popularity[item] - positionPenalty[device] * Double(position)
            weights.append(DetMath.exp(u))
            // Price-sensitive customers (negative elasticity) order cheap items more readily.
            orders.append(DetMath.sigmoid(-1.2 + 0.5 * fit[item] + 0.6 * c.priceElasticity * logPrice[item]))
        }
        let denominator = 1 + weights.reduce(0, +)
        return Outcome(clickChances: weights.map { $0 / denominator }, orderChances: orders,
                       priceCents: list.map { world.items[$0].priceCents })
    }
}
