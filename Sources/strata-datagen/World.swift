import StrataEngine

/// What a latent segment means behaviourally. Every dataset reads these same numbers, which is
/// why the files agree with each other.
struct SegmentProfile: Sendable {
    let label: String
    let share: Double
    /// Liking for each tag in `Vocabulary.tags` (0 = indifferent).
    let taste: [Double]
    let ordersPerYear: Double
    /// Mean number of lines beyond the first on an invoice.
    let extraLines: Double
    /// Exponent on price ÷ median price when choosing what to buy (negative = price-sensitive).
    let priceElasticity: Double
    /// Mean extra units bought of cheap items.
    let bulkBuying: Double
    let tenureDays: ClosedRange<Int>
    /// Chance of stopping partway through the window; the lapsed segment always does.
    let lapseChance: Double
    let lapseAt: ClosedRange<Double>
    let channelMix: [Double]
    let deviceMix: [Double]
    let ageMean: Double
    let ageSD: Double
    let femaleShare: Double
    let returnRate: Double
    let supportRate: Double
    let churnOffset: Double
    /// Chance that a customer writes reviews at all, and how many relative to others if so.
    let raterShare: Double
    let ratingsScale: Double
    let sessionsPerYear: Double
    let saleAffinity: Double

    static func taste(_ likes: [(String, Double)]) -> [Double] {
        var v = [Double](repeating: 0, count: Vocabulary.tags.count)
        for (name, w) in likes { v[Vocabulary.tag(name)] = w }
        return v
    }
}

enum Segments {
    static let profiles: [SegmentProfile] = [
        SegmentProfile(
            label: "bargain_hunter", share: 0.24,
            taste: SegmentProfile.taste([("budget", 1.5), ("colourful", 1.0), ("kids", 0.8), ("festive", 0.8), ("gift", 0.3),
                                         ("luxury", -1.2), ("handmade", -0.3), ("smart", -0.2)]),
            ordersPerYear: 10, extraLines: 2.4, priceElasticity: -1.0, bulkBuying: 3.0, tenureDays: 30...1500,
            lapseChance: 0.08, lapseAt: 0.25...0.9, channelMix: [0.40, 0.50, 0.10], deviceMix: [0.70, 0.20, 0.10],
            ageMean: 31, ageSD: 8, femaleShare: 0.56, returnRate: 0.03, supportRate: 0.7, churnOffset: 0.3,
            raterShare: 0.6, ratingsScale: 1.0, sessionsPerYear: 8, saleAffinity: 2.5),
        SegmentProfile(
            label: "loyal_regular", share: 0.22,
            taste: SegmentProfile.taste([("handmade", 1.2), ("rustic", 1.0), ("vintage", 1.0), ("eco", 0.8), ("outdoor", 0.4),
                                         ("luxury", -0.2), ("budget", -0.3)]),
            ordersPerYear: 11, extraLines: 1.5, priceElasticity: -0.3, bulkBuying: 1.2, tenureDays: 400...2600,
            lapseChance: 0.03, lapseAt: 0.25...0.9, channelMix: [0.35, 0.40, 0.25], deviceMix: [0.45, 0.35, 0.20],
            ageMean: 47, ageSD: 12, femaleShare: 0.62, returnRate: 0.02, supportRate: 0.45, churnOffset: -0.7,
            raterShare: 0.8, ratingsScale: 1.4, sessionsPerYear: 7, saleAffinity: 0.3),
        SegmentProfile(
            label: "big_spender", share: 0.12,
            taste: SegmentProfile.taste([("luxury", 1.5), ("minimalist", 1.0), ("smart", 1.0), ("nordic", 0.8), ("industrial", 0.6),
                                         ("budget", -1.2), ("kids", -0.3)]),
            ordersPerYear: 6, extraLines: 3.0, priceElasticity: 0.6, bulkBuying: 0.8, tenureDays: 200...2200,
            lapseChance: 0.06, lapseAt: 0.25...0.9, channelMix: [0.45, 0.10, 0.45], deviceMix: [0.30, 0.60, 0.10],
            ageMean: 49, ageSD: 10, femaleShare: 0.45, returnRate: 0.06, supportRate: 0.6, churnOffset: -0.3,
            raterShare: 0.7, ratingsScale: 1.2, sessionsPerYear: 5.5, saleAffinity: 0.1),
        SegmentProfile(
            label: "occasional", share: 0.27,
            taste: SegmentProfile.taste([("gift", 1.3), ("festive", 1.0), ("boho", 0.5), ("kids", 0.4), ("colourful", 0.3)]),
            ordersPerYear: 2.8, extraLines: 1.2, priceElasticity: -0.2, bulkBuying: 1.0, tenureDays: 20...2000,
            lapseChance: 0.12, lapseAt: 0.25...0.9, channelMix: [0.60, 0.15, 0.25], deviceMix: [0.50, 0.35, 0.15],
            ageMean: 38, ageSD: 13, femaleShare: 0.52, returnRate: 0.03, supportRate: 0.35, churnOffset: 0.3,
            raterShare: 0.45, ratingsScale: 0.7, sessionsPerYear: 3.5, saleAffinity: 0.8),
        SegmentProfile(
            label: "lapsed", share: 0.15,
            taste: SegmentProfile.taste([("boho", 0.8), ("vintage", 0.5), ("colourful", 0.4), ("eco", 0.4), ("minimalist", 0.3)]),
            ordersPerYear: 6, extraLines: 1.2, priceElasticity: -0.3, bulkBuying: 1.2, tenureDays: 300...1800,
            lapseChance: 1.0, lapseAt: 0.05...0.55, channelMix: [0.55, 0.15, 0.30], deviceMix: [0.50, 0.40, 0.10],
            ageMean: 36, ageSD: 12, femaleShare: 0.50, returnRate: 0.05, supportRate: 1.0, churnOffset: 0.6,
            raterShare: 0.4, ratingsScale: 0.6, sessionsPerYear: 4.5, saleAffinity: 0.5),
    ]
}

/// Dimensions of the taste space that no column shows: only co-occurrence in behaviour reveals
/// them, which is what lets collaborative filtering beat a recommender that reads tags alone.
let hiddenDimensions = 6
let hiddenWeight = 0.35

struct Customer {
    let id: Int
    let segment: Int
    let genreTaste: [Double]
    let hiddenTaste: [Double]
    /// Lognormal multiplier on how often this person shops and browses.
    let activity: Double
    /// Unobserved grievance: raises both support calls and churn.
    let dissatisfaction: Double
    let priceElasticity: Double
    let signupDay: Int
    let activeStart: Int
    let activeEnd: Int
    let age: Int?
    let gender: String
    /// Nil when the profile field was left empty; transactions still carry `shipCountry`.
    let country: String?
    let shipCountry: String
    let channel: Int
    let favouriteDevice: Int
    let ratingBias: Double
}

struct Item {
    let id: Int
    let category: Int
    let tags: [Int]
    let priceCents: Int
    /// Intrinsic goodness: raises ratings and (noisily) popularity.
    let quality: Double
    /// Log of the Zipf-like popularity weight.
    let logPopularity: Double
    let hidden: [Double]
    let title: String
    let description: String
}

struct World {
    let customers: [Customer]
    let items: [Item]
    let medianPriceCents: Int

    /// How much customer `c` likes every item, on a scale where one unit is roughly one standard
    /// deviation across the catalogue.
    func affinities(_ c: Customer) -> [Double] {
        items.map { item in
            var genre = 0.0
            for t in item.tags { genre += c.genreTaste[t] }
            genre /= Double(item.tags.count).squareRoot()
            var hidden = 0.0
            for h in 0..<hiddenDimensions { hidden += c.hiddenTaste[h] * item.hidden[h] }
            return genre + hiddenWeight * hidden
        }
    }

    /// Mean and population standard deviation, so that one item's affinity reads as a fit
    /// relative to the customer's whole catalogue.
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double, sd: Double) {
        var mean = 0.0
        for v in values { mean += v }
        mean /= Double(values.count)
        var variance = 0.0
        for v in values { variance += (v - mean) * (v - mean) }
        return (mean, (variance / Double(values.count)).squareRoot())
    }

    /// log(price ÷ median) for every item, the input to price sensitivity.
    var logRelativePrices: [Double] {
        let median = Double(medianPriceCents)
        return items.map { DetMath.log(Double($0.priceCents) / median) }
    }
}

enum CustomerFactory {
    static let firstId = 10_001

    static func make(count: Int, seed: UInt64) -> [Customer] {
        var rng = SeededGenerator(seed: seed, stream: Streams.customers)
        let profiles = Segments.profiles
        // Each segment's position in the hidden space: people in a segment share some unseen taste.
        var segmentHidden: [[Double]] = []
        for _ in profiles {
            segmentHidden.append((0..<hiddenDimensions).map { _ in rng.normal(mean: 0, sd: 0.9) })
        }
        let countryWeights = Vocabulary.countries.map(\.share)
        var customers: [Customer] = []
        customers.reserveCapacity(count)
        for k in 0..<count {
            let s = rng.pick(profiles.map(\.share))
            let p = profiles[s]
            let genreTaste = p.taste.map { $0 + rng.normal(mean: 0, sd: 0.3) }
            let hiddenTaste = segmentHidden[s].map { $0 + rng.normal(mean: 0, sd: 0.5) }
            let activity = DetMath.exp(rng.normal(mean: -0.12, sd: 0.5))
            let dissatisfaction = rng.normal()
            let tenure = rng.int(in: p.tenureDays)
            let signup = Timeline.asOf - tenure
            let activeStart = max(Timeline.start, signup)
            var activeEnd = Timeline.end
            if rng.chance(p.lapseChance) {
                let fraction = rng.uniform(p.lapseAt.lowerBound, p.lapseAt.upperBound)
                activeEnd = activeStart + Int(fraction * Double(Timeline.end - activeStart))
            }
            // A week at least, so even a brand-new customer has room for one order.
            activeEnd = min(Timeline.end, max(activeEnd, activeStart + 7))
            let rawAge = Int(rng.normal(mean: p.ageMean, sd: p.ageSD).rounded())
            let age: Int? = rng.chance(0.03) ? nil : min(85, max(18, rawAge))
            let g = rng.nextDouble()
            let gender = g < 0.02 ? "X" : (g < 0.02 + 0.98 * p.femaleShare ? "F" : "M")
            let shipCountry = Vocabulary.countries[rng.pick(countryWeights)].code
            let country: String? = rng.chance(0.02) ? nil : shipCountry
            let channel = rng.pick(p.channelMix)
            let device = rng.pick(p.deviceMix)
            let elasticity = p.priceElasticity + rng.normal(mean: 0, sd: 0.25)
            customers.append(Customer(
                id: firstId + k, segment: s, genreTaste: genreTaste, hiddenTaste: hiddenTaste,
                activity: activity, dissatisfaction: dissatisfaction, priceElasticity: elasticity,
                signupDay: signup, activeStart: activeStart, activeEnd: activeEnd,
                age: age, gender: gender, country: country, shipCountry: shipCountry,
                channel: channel, favouriteDevice: device, ratingBias: rng.normal(mean: 0, sd: 0.35)))
        }
        return customers
    }
}

/// Independent generator streams, one per stage, so that changing how one file is drawn leaves
/// the others untouched.
enum Streams {
    static let items: UInt64 = 1
    static let customers: UInt64 = 2
    static let transactions: UInt64 = 3
    static let churn: UInt64 = 4
    static let ratings: UInt64 = 5
    static let events: UInt64 = 6
    static let experiment: UInt64 = 7
    static let experimentHistory: UInt64 = 21
    static let widgetExperiment: UInt64 = 22
}
