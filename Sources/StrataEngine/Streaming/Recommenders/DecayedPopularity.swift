#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Popularity that learns per event, optionally fading with a half-life.
///
/// An item's score is the number of distinct users who interacted with it, each weighted by
/// 2^(−age/half-life), age measured from the user's first interaction with the item to the latest
/// event. Without a half-life every weight is 1 and the scores, and so the lists, are exactly the
/// batch `PopularRecommender`'s on the same events (users per item, ties by lower index).
///
/// Decay never touches every item: a weight 2^((t − t₀)/h) grows with time instead, which keeps
/// the order the same, and when it nears the top of the Double range every score is scaled by an
/// exact power of two and t₀ moves on. Items are kept sorted by score; a score only ever rises,
/// so an event moves its item a few places up and a list is read off the top.
public struct DecayedPopularity: StreamingRecommender {
    /// Half-life in seconds; nil: no decay.
    public let halfLife: Double?
    private var history = InteractionHistory()
    /// Per item, Σ 2^((t − t₀)/h) over its users' first interactions (counts without decay).
    private(set) var scores: [Double] = []
    /// Items by decreasing score, ties by lower index, and each item's place in it.
    private var ranked: [Int32] = []
    private var place: [Int32] = []
    private var origin: Int64?
    private var latest: Int64 = 0

    public init(halfLife: Double? = nil) {
        self.halfLife = halfLife
    }

    public var algorithmName: String {
        halfLife.map { "popularity (half-life \(StreamPeriod.describe(seconds: $0)))" } ?? "popularity"
    }

    public var parameterValues: [ParameterValue] {
        [ParameterValue("halflife", halfLife.map { StreamPeriod.describe(seconds: $0) } ?? "none", default: "none")]
    }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        latest = max(latest, event.time)
        guard history.record(user: event.user, item: event.item) else { return }
        let item = Int(event.item)
        grow(to: item + 1)
        scores[item] += weight(at: event.time)
        moveUp(item)
    }

    private mutating func grow(to count: Int) {
        guard count > scores.count else { return }
        for i in scores.count..<count {
            ranked.append(Int32(i))
            place.append(Int32(i))
        }
        scores += repeatElement(0, count: count - scores.count)
    }

    /// 2^((t − t₀)/h), rescaling every score first when the exponent would grow past 512.
    private mutating func weight(at time: Int64) -> Double {
        guard let halfLife else { return 1 }
        if origin == nil { origin = time }
        var exponent = Double(time - (origin ?? time)) / halfLife
        if exponent > 512 {
            let shift = (exponent / 512).rounded(.down) * 512
            let factor = scalbn(1.0, -Int(shift))
            for i in scores.indices { scores[i] *= factor }
            origin = (origin ?? time) + Int64(shift * halfLife)
            exponent = Double(time - (origin ?? time)) / halfLife
        }
        return exp2(exponent)
    }

    private mutating func moveUp(_ item: Int) {
        var p = Int(place[item])
        let s = scores[item]
        while p > 0 {
            let other = Int(ranked[p - 1])
            guard s > scores[other] || (s == scores[other] && item < other) else { break }
            ranked[p] = Int32(other)
            place[other] = Int32(p)
            p -= 1
        }
        ranked[p] = Int32(item)
        place[item] = Int32(p)
    }

    /// The score as of the latest event: the number of users, decayed to that time.
    public func score(item: Int) -> Double {
        guard item >= 0, item < scores.count else { return 0 }
        guard let halfLife, let origin else { return scores[item] }
        return scores[item] * exp2(-Double(latest - origin) / halfLife)
    }

    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        guard count > 0 else { return [] }
        scratch.reserve(itemCount: scores.count)
        scratch.flag(seen, true)
        defer { scratch.flag(seen, false) }
        var out: [Recommendation] = []
        out.reserveCapacity(count)
        for r in ranked {
            let item = Int(r)
            guard scores[item] > 0 else { break }
            if scratch.flags[item] { continue }
            out.append(Recommendation(item: item, score: score(item: item)))
            if out.count == count { break }
        }
        return out
    }

    public var memoryBytes: Int { history.memoryBytes + scores.count * 16 }
}
