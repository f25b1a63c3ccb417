import StrataEngine

enum ItemFactory {
    static let firstId = 1001

    static func make(count: Int, seed: UInt64) -> [Item] {
        var rng = SeededGenerator(seed: seed, stream: Streams.items)
        let categories = Vocabulary.categories
        let styles = Vocabulary.styles
        var titles = Set<String>()

        struct Draft {
            let category: Int
            let tags: [Int]
            let priceCents: Int
            let quality: Double
            let hidden: [Double]
            let title: String
            let description: String
        }
        var drafts: [Draft] = []
        for _ in 0..<count {
            let c = rng.pick(categories.map(\.share))
            let category = categories[c]
            let style = styles[rng.pick(styles.map(\.share))]
            let tagCount = [1, 2, 3, 4][rng.pick([0.25, 0.45, 0.25, 0.05])]
            var tags: [Int] = []
            var attempts = 0
            while tags.count < tagCount && attempts < 50 {
                attempts += 1
                let pool = rng.chance(0.7) ? style.tags : category.typicalTags
                let t = Vocabulary.tag(pool[rng.nextInt(below: pool.count)])
                if !tags.contains(t) { tags.append(t) }
            }
            let mainTag = tags[0]
            tags.sort()

            var price = category.basePrice * DetMath.exp(rng.normal(mean: 0, sd: 0.4))
            for t in tags { price *= Vocabulary.tagPriceFactor[Vocabulary.tags[t]] ?? 1 }
            let priceCents = retailPrice(price)

            var title = ""
            var material = ""
            var noun = ""
            repeat {
                material = category.materials[rng.nextInt(below: category.materials.count)]
                noun = category.nouns[rng.nextInt(below: category.nouns.count)]
                title = material + " " + noun
                if rng.chance(0.55) {
                    let words = Vocabulary.styleWords[mainTag]
                    title = words[rng.nextInt(below: words.count)] + " " + title
                }
            } while titles.contains(title)
            titles.insert(title)

            let description = describe(material: material, noun: noun, tags: tags, mainTag: mainTag, &rng)
            drafts.append(Draft(
                category: c, tags: tags, priceCents: priceCents, quality: rng.normal(mean: 0, sd: 0.35),
                hidden: (0..<hiddenDimensions).map { _ in rng.normal(mean: 0, sd: 0.7) },
                title: title, description: description))
        }

        // Popularity follows rank, and rank follows quality only loosely: some good items stay niche.
        let buzz = drafts.map { $0.quality + rng.normal(mean: 0, sd: 0.6) }
        let order = drafts.indices.sorted { buzz[$0] > buzz[$1] || (buzz[$0] == buzz[$1] && $0 < $1) }
        var rank = [Int](repeating: 0, count: count)
        for (r, i) in order.enumerated() { rank[i] = r }

        return drafts.enumerated().map { i, d in
            Item(id: firstId + i, category: d.category, tags: d.tags, priceCents: d.priceCents,
                 quality: d.quality, logPopularity: -0.9 * DetMath.log(Double(rank[i] + 10)),
                 hidden: d.hidden, title: d.title, description: d.description)
        }
    }

    /// Shop-shelf prices: 0.05 steps under £3, then .49/.99 endings, then whole pounds ending in 9.
    static func retailPrice(_ pounds: Double) -> Int {
        if pounds < 3 { return max(45, Int((pounds * 20).rounded()) * 5) }
        if pounds < 20 { return Int((pounds * 2).rounded()) * 50 - 1 }
        if pounds < 100 { return Int(pounds.rounded()) * 100 - 1 }
        return Int((pounds / 5).rounded()) * 500 - 1
    }

    private static func describe(material: String, noun: String, tags: [Int], mainTag: Int,
                                 _ rng: inout SeededGenerator) -> String {
        let openers = Vocabulary.openers
        var opener = openers[rng.nextInt(below: openers.count)]
        if rng.chance(0.3) {
            let second = openers[rng.nextInt(below: openers.count)]
            if second != opener { opener += ", " + second.lowercased() }
        }
        var text = opener + " " + material.lowercased() + " " + noun.lowercased() + " " + Vocabulary.tagPhrases[mainTag]
        let others = tags.filter { $0 != mainTag }
        if let extra = others.first, rng.chance(0.4) {
            text += ", " + Vocabulary.tagPhrases[extra]
        }
        return text + "."
    }

    static func write(_ items: [Item]) -> CSVFile {
        var csv = CSVFile(name: "items.csv", header: ["item_id", "title", "category", "genres", "price", "description"])
        for item in items {
            csv.int(item.id)
            csv.text(item.title)
            csv.text(Vocabulary.categories[item.category].name)
            csv.text(item.tags.map { Vocabulary.tags[$0] }.joined(separator: "|"))
            csv.money(cents: item.priceCents)
            csv.text(item.description)
            csv.endRow()
        }
        return csv
    }
}
