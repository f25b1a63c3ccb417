import StrataEngine

enum RatingFactory {
    static let minPerUser = 5
    static let maxPerUser = 200
    /// How strongly taste, rather than mere popularity, decides which items a user rates.
    static let selectionTaste = 2.0

    private struct Rating {
        let item: Int
        let stars: Int
        let seconds: Int
    }

    static func make(world: World, seed: UInt64) -> CSVFile {
        var rng = SeededGenerator(seed: seed, stream: Streams.ratings)
        let items = world.items
        var csv = CSVFile(name: "ratings.csv", header: ["user_id", "item_id", "rating", "timestamp"])
        var keys = [Double](repeating: 0, count: items.count)
        for c in world.customers {
            let p = Segments.profiles[c.segment]
            // Not every customer writes reviews; those who do are judged on enough ratings to learn from.
            guard rng.chance(p.raterShare) else { continue }
            let affinity = world.affinities(c)
            let (mean, sd) = World.meanAndDeviation(affinity)

            let wanted = DetMath.exp(rng.normal(mean: DetMath.log(24), sd: 0.8)) * p.ratingsScale
            let count = min(maxPerUser, max(minPerUser, Int(wanted.rounded())))
            // Which items get rated: popularity × taste, drawn without replacement (Gumbel top-k),
            // so a user never rates the same item twice.
            for i in items.indices {
                keys[i] = items[i].logPopularity + selectionTaste * affinity[i] + rng.gumbel()
            }
            let chosen = items.indices.sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.prefix(count)

            // How many stars: the item's quality, the user's leniency, and how well the item fits
            // this user compared with the rest of the catalogue.
            var ratings: [Rating] = []
            let span = c.activeEnd - c.activeStart + 1
            for i in chosen {
                let fit = (affinity[i] - mean) / sd
                let latent = 1.65 + 1.2 * items[i].quality + c.ratingBias + 1.4 * fit + rng.normal(mean: 0, sd: 0.7)
                let stars = min(5, max(1, Int(latent.rounded())))
                let day = c.activeStart + rng.nextInt(below: span)
                ratings.append(Rating(item: i, stars: stars,
                                      seconds: Timeline.moment(on: day, hourWeights: Timeline.webHours, &rng)))
            }
            ratings.sort { $0.seconds != $1.seconds ? $0.seconds < $1.seconds : $0.item < $1.item }
            for r in ratings {
                csv.int(c.id)
                csv.int(items[r.item].id)
                csv.int(r.stars)
                csv.timestamp(seconds: r.seconds)
                csv.endRow()
            }
        }
        return csv
    }
}
