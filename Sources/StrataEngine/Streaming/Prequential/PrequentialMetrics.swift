#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What one scored event gives, from the rank of the event's item in the list (0: not in it).
/// With one relevant item per event, recall@N is the hit, NDCG@N is 1/log₂(1 + rank) (the ideal
/// DCG is 1) and the reciprocal rank is 1/rank.
public struct EventScore: Sendable, Equatable {
    public let rank: Int

    public init(rank: Int) { self.rank = rank }

    public var hit: Bool { rank > 0 }
    public var recall: Double { rank > 0 ? 1 : 0 }
    public var ndcg: Double { rank > 0 ? 1 / log2(Double(rank) + 1) : 0 }
    public var reciprocalRank: Double { rank > 0 ? 1 / Double(rank) : 0 }
}

/// recall@N, NDCG@N and MRR three ways: over the last `window` scored events, with a fading factor
/// α (Gama, Sebastião & Rodrigues 2013: S ← x + αS, N ← 1 + αN, mean S/N), and over all events.
public struct PrequentialMetrics: Sendable {
    public struct Values: Sendable, Equatable {
        public var recall: Double
        public var ndcg: Double
        public var mrr: Double
    }

    public let window: Int
    public let fading: Double
    /// Ranks of the last `window` scored events (a ring).
    private var ring: [Int32] = []
    private var next = 0
    private var windowSums = Values(recall: 0, ndcg: 0, mrr: 0)
    private var fadedSums = Values(recall: 0, ndcg: 0, mrr: 0)
    private var fadedCount = 0.0
    private var totalSums = Values(recall: 0, ndcg: 0, mrr: 0)
    public private(set) var scored = 0

    public init(window: Int, fading: Double) {
        self.window = max(1, window)
        self.fading = fading
    }

    public mutating func add(_ score: EventScore) {
        scored += 1
        if ring.count < window {
            ring.append(Int32(clamping: score.rank))
        } else {
            let old = EventScore(rank: Int(ring[next]))
            windowSums.recall -= old.recall
            windowSums.ndcg -= old.ndcg
            windowSums.mrr -= old.reciprocalRank
            ring[next] = Int32(clamping: score.rank)
            next = (next + 1) % window
        }
        windowSums.recall += score.recall
        windowSums.ndcg += score.ndcg
        windowSums.mrr += score.reciprocalRank
        fadedSums.recall = score.recall + fading * fadedSums.recall
        fadedSums.ndcg = score.ndcg + fading * fadedSums.ndcg
        fadedSums.mrr = score.reciprocalRank + fading * fadedSums.mrr
        fadedCount = 1 + fading * fadedCount
        totalSums.recall += score.recall
        totalSums.ndcg += score.ndcg
        totalSums.mrr += score.reciprocalRank
    }

    /// Means over the last `window` scored events (fewer at the start); nil before any.
    public var windowed: Values? { mean(windowSums, Double(ring.count)) }
    public var faded: Values? { mean(fadedSums, fadedCount) }
    public var overall: Values? { mean(totalSums, Double(scored)) }

    private func mean(_ s: Values, _ n: Double) -> Values? {
        n > 0 ? Values(recall: s.recall / n, ndcg: s.ndcg / n, mrr: s.mrr / n) : nil
    }
}
