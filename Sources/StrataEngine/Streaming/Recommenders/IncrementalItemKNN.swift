/// Item-kNN (binary cosine) kept current one event at a time.
///
/// State: for each item the number of distinct users n_i, and for each pair of items the number of
/// users who had both, c_ij. A user's new item i adds 1 to c_ij for each item j they already had
/// and 1 to n_i, so an update costs the length of that user's history, not the stream's.
/// sim(i, j) = c_ij / (√n_i √n_j) is computed when a list is made, from the current counts.
///
/// Top-N is the batch `ItemKNN` rule: a candidate's score is the sum of its similarities to the
/// `neighbors` most similar of the user's items. Every co-occurring item is kept (the batch model
/// with saved=0); the similarity is rounded to Float as the batch model stores it, so fed the same
/// events the two give the same lists and scores.
public struct IncrementalItemKNN: StreamingRecommender {
    public let neighbors: Int
    private var history = InteractionHistory()
    /// n_i and √n_i (the same Double the batch model's norms hold).
    private var userCounts: [Int32] = []
    private var roots: [Double] = []
    /// Each item's co-occurring items and the counts c_ij, in the order the pairs first met.
    private var partners: [[Int32]] = []
    private var together: [[Int32]] = []
    /// (i, j) → position of j in `partners[i]`.
    private var position: [UInt64: Int32] = [:]

    public init(neighbors: Int = 20) {
        self.neighbors = max(1, neighbors)
    }

    public var algorithmName: String { "item-kNN (incremental cosine, binary, k=\(neighbors))" }
    public var parameterValues: [ParameterValue] {
        [ParameterValue("neighbors", neighbors, default: 20)]
    }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        let i = event.item
        guard history.record(user: event.user, item: i) else { return }
        grow(to: Int(i) + 1)
        for j in history.items(of: Int(event.user)) where j != i {
            bump(i, j)
            bump(j, i)
        }
        userCounts[Int(i)] += 1
        roots[Int(i)] = Double(userCounts[Int(i)]).squareRoot()
    }

    private mutating func grow(to count: Int) {
        guard count > userCounts.count else { return }
        let extra = count - userCounts.count
        userCounts += repeatElement(0, count: extra)
        roots += repeatElement(0, count: extra)
        partners += repeatElement([], count: extra)
        together += repeatElement([], count: extra)
    }

    @inline(__always)
    private mutating func bump(_ a: Int32, _ b: Int32) {
        let key = InteractionHistory.key(a, b)
        if let p = position[key] {
            together[Int(a)][Int(p)] += 1
        } else {
            position[key] = Int32(partners[Int(a)].count)
            partners[Int(a)].append(b)
            together[Int(a)].append(1)
        }
    }

    /// sim(a, b) as the batch kernel computes and stores it.
    @inline(__always)
    func similarity(count: Int32, _ a: Int, _ b: Int) -> Double {
        Double(Float(Double(count) / (roots[b] * roots[a])))
    }

    /// The current cosine of two items (0 when they never co-occurred).
    public func similarity(_ a: Int, _ b: Int) -> Double {
        guard a >= 0, b >= 0, a < partners.count, b < partners.count,
              let p = position[InteractionHistory.key(Int32(a), Int32(b))] else { return 0 }
        return similarity(count: together[a][Int(p)], a, b)
    }

    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        guard count > 0 else { return [] }
        scratch.reserve(itemCount: partners.count)
        var over: [Int] = []
        let k = Int32(neighbors)
        // Only a user with more than k items can give a candidate more than k contributions; then
        // every contribution is also kept (candidate, similarity) so the cut needs no lookups.
        let keep = seen.count > neighbors
        var contributors: [Int32] = []
        var contributions: [Double] = []
        roots.withUnsafeBufferPointer { root in
        scratch.scores.withUnsafeMutableBufferPointer { scores in
        scratch.counts.withUnsafeMutableBufferPointer { counts in
            for i in seen where Int(i) < partners.count {
                let a = Int(i)
                let rootA = root[a]
                partners[a].withUnsafeBufferPointer { js in
                    together[a].withUnsafeBufferPointer { cs in
                        for p in js.indices {
                            let j = Int(js[p])
                            let c = counts[j]
                            if c == 0 { scratch.touched.append(js[p]) }
                            counts[j] = c + 1
                            if c == k { over.append(j) }
                            // The batch kernel's c / (‖j‖ ‖a‖), stored as Float.
                            let sim = Double(Float(Double(cs[p]) / (root[j] * rootA)))
                            scores[j] += sim
                            if keep {
                                contributors.append(js[p])
                                contributions.append(sim)
                            }
                        }
                    }
                }
            }
        }}}
        if !over.isEmpty { keepStrongest(over, contributors: contributors, contributions: contributions, scratch: &scratch) }
        scratch.flag(seen, true)
        var heap = BoundedBest(capacity: count)
        for t in scratch.touched {
            let j = Int(t)
            if !scratch.flags[j] { heap.offer(item: j, score: scratch.scores[j]) }
            scratch.scores[j] = 0
            scratch.counts[j] = 0
        }
        scratch.touched.removeAll(keepingCapacity: true)
        scratch.flag(seen, false)
        return heap.sortedBestFirst()
    }

    /// A candidate reached from more than k of the user's items keeps the sum of its k most similar
    /// (the batch rule). Its contributions are bucketed by a counting pass, then each bucket's
    /// k largest are summed.
    private func keepStrongest(_ over: [Int], contributors: [Int32], contributions: [Double], scratch: inout StreamScratch) {
        var start = [Int](repeating: 0, count: over.count + 1)
        for (o, j) in over.enumerated() {
            scratch.marks[j] = Int32(o + 1)
            start[o + 1] = start[o] + Int(scratch.counts[j])
        }
        var fill = start
        var bucket = [Double](repeating: 0, count: start[over.count])
        for (j, sim) in zip(contributors, contributions) {
            let mark = Int(scratch.marks[Int(j)])
            guard mark > 0 else { continue }
            let o = mark - 1
            bucket[fill[o]] = sim
            fill[o] += 1
        }
        for (o, j) in over.enumerated() {
            var sims = Array(bucket[start[o]..<start[o + 1]])
            sims.sort(by: >)
            scratch.scores[j] = sims.prefix(neighbors).reduce(0, +)
            scratch.marks[j] = 0
        }
    }

    /// Co-occurrence pairs (each stored both ways) and the pair index, plus the history.
    public var memoryBytes: Int {
        history.memoryBytes + position.count * 24 + partners.count * 68  // counts: see InteractionHistory
    }

    /// Stored (ordered) co-occurrence pairs.
    public var pairCount: Int { position.count }
}

extension IncrementalItemKNN: SimilarItemsSource {
    /// The items most similar to `item` on the current counts, best first (ties by lower index):
    /// what the session re-rank of a stream reads.
    public func similarItems(to item: Int, count: Int) -> [Recommendation] {
        guard item >= 0, item < partners.count, count > 0 else { return [] }
        var best = BoundedBest(capacity: count)
        for (p, j) in partners[item].enumerated() { best.offer(item: Int(j), score: similarity(count: together[item][p], item, Int(j))) }
        return best.sortedBestFirst()
    }
}
