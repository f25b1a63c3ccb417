import StrataEngine

enum EventFactory {
    static let names = ["view", "cart", "purchase"]
    static let selectionTaste = 1.4

    private struct Event {
        let seconds: Int
        let user: Int
        let sequence: Int
        let item: Int
        let kind: Int
        let device: Int
    }

    /// Hour-of-day bands that shift what people browse: night, morning, afternoon, evening.
    static func band(ofHour hour: Int) -> Int { hour < 6 ? 0 : hour < 12 ? 1 : hour < 18 ? 2 : 3 }

    /// Context tilts on top of personal taste, as (tag or category name, boost) pairs. Small on
    /// purpose: context should nudge a context-aware model, not swamp the personal signal.
    static let deviceTilt: [[(String, Double)]] = [
        [("colourful", 0.5), ("budget", 0.4), ("gift", 0.4), ("festive", 0.3), ("Stationery", 0.3), ("Toys", 0.2), ("Furniture", -0.6)],
        [("luxury", 0.4), ("smart", 0.5), ("industrial", 0.3), ("minimalist", 0.3), ("Furniture", 0.5), ("Lighting", 0.3)],
        [("kids", 0.6), ("handmade", 0.3), ("boho", 0.4), ("Toys", 0.4), ("Textiles", 0.3)],
    ]
    static let bandTilt: [[(String, Double)]] = [
        [("smart", 0.4), ("gift", 0.3), ("luxury", 0.2)],
        [("Kitchen", 0.5), ("eco", 0.2)],
        [("Garden", 0.4), ("outdoor", 0.3)],
        [("Textiles", 0.3), ("Decor", 0.3), ("Lighting", 0.2)],
    ]

    private static func tilt(_ pairs: [(String, Double)], item: Item) -> Double {
        var total = 0.0
        for (name, boost) in pairs {
            if let t = Vocabulary.tags.firstIndex(of: name) {
                if item.tags.contains(t) { total += boost / Double(item.tags.count).squareRoot() }
            } else if Vocabulary.categories[item.category].name == name {
                total += boost
            }
        }
        return total
    }

    static func make(world: World, seed: UInt64) -> CSVFile {
        var rng = SeededGenerator(seed: seed, stream: Streams.events)
        let items = world.items
        // Context log-boosts for each (device, band) pair, and their exponentials.
        var contextBoost: [[Double]] = []
        var contextFactor: [[Double]] = []
        for d in 0..<3 {
            for b in 0..<4 {
                let boost = items.map { tilt(deviceTilt[d], item: $0) + tilt(bandTilt[b], item: $0) }
                contextBoost.append(boost)
                contextFactor.append(boost.map { DetMath.exp($0) })
            }
        }

        var events: [Event] = []
        events.reserveCapacity(200_000)
        var weights = [Double](repeating: 0, count: items.count)
        for c in world.customers {
            let p = Segments.profiles[c.segment]
            let affinity = world.affinities(c)
            let (mean, sd) = World.meanAndDeviation(affinity)
            let personal = items.indices.map { DetMath.exp(0.8 * items[$0].logPopularity + selectionTaste * affinity[$0]) }

            let span = c.activeEnd - c.activeStart + 1
            let sessions = rng.poisson(1.12 * p.sessionsPerYear * Double(span) / 365 * c.activity)
            for _ in 0..<sessions {
                let device = rng.chance(0.6) ? c.favouriteDevice : rng.pick(p.deviceMix)
                let day = c.activeStart + rng.nextInt(below: span)
                var clock = Timeline.moment(on: day, hourWeights: Timeline.deviceHours(device), &rng)
                let context = device * 4 + band(ofHour: clock % 86_400 / 3600)
                for i in items.indices { weights[i] = personal[i] * contextFactor[context][i] }
                let sampler = CumulativeSampler(weights: weights)

                func record(_ item: Int, _ kind: Int) {
                    events.append(Event(seconds: clock, user: c.id, sequence: events.count, item: item, kind: kind, device: device))
                }
                var previous: Int?
                for _ in 0..<(1 + rng.poisson(3.5)) {
                    var item = sampler.draw(&rng)
                    // Sessions hang together: people often keep looking within one category.
                    if let prev = previous, rng.chance(0.35) {
                        for _ in 0..<30 where items[item].category != items[prev].category {
                            item = sampler.draw(&rng)
                        }
                    }
                    previous = item
                    record(item, 0)
                    let fit = (affinity[item] - mean) / sd
                    if rng.chance(DetMath.sigmoid(-3.0 + 0.7 * fit + 0.5 * contextBoost[context][item])) {
                        clock += rng.int(in: 5...90)
                        record(item, 1)
                        if rng.chance(DetMath.sigmoid(-0.9 + 0.4 * fit)) {
                            clock += rng.int(in: 30...400)
                            record(item, 2)
                        }
                    }
                    clock += rng.int(in: 15...180)
                }
            }
        }

        // A session that starts late on the last day can run past midnight; the window ends there.
        let cutoff = (Timeline.end + 1) * 86_400
        events.removeAll { $0.seconds >= cutoff }
        events.sort {
            if $0.seconds != $1.seconds { return $0.seconds < $1.seconds }
            if $0.user != $1.user { return $0.user < $1.user }
            return $0.sequence < $1.sequence
        }
        var csv = CSVFile(name: "events.csv", header: ["user_id", "item_id", "event", "timestamp", "device", "hour"])
        for e in events {
            csv.int(e.user)
            csv.int(items[e.item].id)
            csv.text(names[e.kind])
            csv.timestamp(seconds: e.seconds)
            csv.text(Vocabulary.devices[e.device])
            csv.int(e.seconds % 86_400 / 3600)
            csv.endRow()
        }
        return csv
    }
}
