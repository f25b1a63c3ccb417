import StrataEngine

/// The three recommendation strategies of the product-page widget, as the shop ran them: each
/// builds a list of `length` distinct items for one customer.
///
/// - `popular`: best sellers, rotated: drawn in proportion to popularity from the top 60.
/// - `similar`: neighbours of an item the customer just looked at (same category, most shared
///   tags), drawn evenly from its 20 nearest.
/// - `personalised`: the shop's own taste model, which knows the visible tags only (never the
///   hidden taste axes), mixed with a little popularity.
struct ExposureLists {
    static let strategies = ["popular", "similar", "personalised"]
    static let length = 5
    static let popularPool = 60
    static let neighbourCount = 20

    let world: World
    private let popular: [Int]
    private let popularSampler: CumulativeSampler
    private var neighbours: [Int: [Int]] = [:]
    private var personalSamplers: [Int: CumulativeSampler] = [:]
    private var browseSamplers: [Int: CumulativeSampler] = [:]

    init(world: World) {
        self.world = world
        let items = world.items
        // Ties broken by index, so the ranking is the same on every platform.
        let ranked = items.indices.sorted {
            items[$0].logPopularity != items[$1].logPopularity ? items[$0].logPopularity > items[$1].logPopularity : $0 < $1
        }
        popular = Array(ranked.prefix(Self.popularPool))
        popularSampler = CumulativeSampler(weights: popular.map { DetMath.exp(items[$0].logPopularity) })
    }

    /// One list per strategy, drawn in strategy order: the list a strategy would have shown does
    /// not depend on which strategy the logging policy then chose.
    mutating func lists(for customer: Int, affinity: [Double], _ rng: inout SeededGenerator) -> [[Int]] {
        let popularList = Self.distinct(Self.length, from: popularSampler, &rng).map { popular[$0] }
        let anchor = browseSampler(customer, affinity).draw(&rng)
        let near = neighboursOf(anchor)
        let similarList = Self.distinct(min(Self.length, near.count), from: CumulativeSampler(weights: near.map { _ in 1 }), &rng)
            .map { near[$0] }
        let personalList = Self.distinct(Self.length, from: personalSampler(customer), &rng)
        return [popularList, similarList, personalList]
    }

    /// `count` different indices from `sampler`; after many repeats the rest are filled in index
    /// order, so a draw always ends.
    private static func distinct(_ count: Int, from sampler: CumulativeSampler, _ rng: inout SeededGenerator) -> [Int] {
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count && attempts < 1_000 {
            attempts += 1
            let i = sampler.draw(&rng)
            if !chosen.contains(i) { chosen.append(i) }
        }
        var next = 0
        while chosen.count < count && next < sampler.count {
            if !chosen.contains(next) { chosen.append(next) }
            next += 1
        }
        return chosen
    }

    /// What a customer browses, as in events.csv: popularity and true taste (hidden axes included).
    private mutating func browseSampler(_ customer: Int, _ affinity: [Double]) -> CumulativeSampler {
        if let s = browseSamplers[customer] { return s }
        let items = world.items
        let s = CumulativeSampler(weights: items.indices.map {
            DetMath.exp(0.8 * items[$0].logPopularity + EventFactory.selectionTaste * affinity[$0])
        })
        browseSamplers[customer] = s
        return s
    }

    /// The shop's estimate of taste: the customer's liking for the item's visible tags only.
    private mutating func personalSampler(_ customer: Int) -> CumulativeSampler {
        if let s = personalSamplers[customer] { return s }
        let c = world.customers[customer]
        let s = CumulativeSampler(weights: world.items.map { item in
            var genre = 0.0
            for t in item.tags { genre += c.genreTaste[t] }
            genre /= Double(item.tags.count).squareRoot()
            return DetMath.exp(1.3 * genre + 0.4 * item.logPopularity)
        })
        personalSamplers[customer] = s
        return s
    }

    /// Items of the anchor's category ranked by shared tags (Jaccard), then popularity, then index.
    private mutating func neighboursOf(_ anchor: Int) -> [Int] {
        if let n = neighbours[anchor] { return n }
        let items = world.items
        let a = items[anchor]
        let scored = items.indices.compactMap { j -> (Int, Double)? in
            guard j != anchor, items[j].category == a.category else { return nil }
            let shared = Double(items[j].tags.filter { a.tags.contains($0) }.count)
            let union = Double(Set(items[j].tags).union(a.tags).count)
            return (j, shared / union)
        }
        let ranked = scored.sorted {
            if $0.1 != $1.1 { return $0.1 > $1.1 }
            if items[$0.0].logPopularity != items[$1.0].logPopularity { return items[$0.0].logPopularity > items[$1.0].logPopularity }
            return $0.0 < $1.0
        }
        var n = ranked.prefix(Self.neighbourCount).map(\.0)
        if n.isEmpty { n = Array(popular.prefix(Self.length)) }
        neighbours[anchor] = n
        return n
    }
}
