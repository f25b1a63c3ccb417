/// Item-kNN (binary cosine) kept current one event at a time.
///
/// State: for each item the number of distinct users n_i, and for each pair of items the number of
/// users who had both, c_ij. A user's new item i adds 1 to c_ij for each item j they already had
/// and 1 to n_i. sim(i, j) = c_ij / (√n_i √n_j), rounded to Float as the batch model stores it.
///
/// Top-N is the batch `ItemKNN` rule with every co-occurring item kept (saved=0): a candidate's
/// score is the sum of its similarities to the `neighbors` most similar of the user's items. Fed
/// the same events, the two give the same lists and scores.
///
/// Up to `denseItems` items the counts and similarities are held as dense matrices
/// (`CooccurrenceMatrix`): an update rewrites one row and column, a list adds one similarity row
/// per item of the user. Past that the state moves, once, to sparse pairs (`CooccurrencePairs`),
/// whose memory follows the pairs that occur. Both compute the same numbers.
public struct IncrementalItemKNN: StreamingRecommender {
    public let neighbors: Int
    /// The largest catalogue held dense (items × items × 8 bytes at most).
    public let denseItems: Int
    private var history = InteractionHistory()
    /// n_i and √n_i (the same Double the batch model's norms hold).
    private var userCounts: [Int32] = []
    private var roots: [Double] = []
    /// The dense form while the catalogue fits, else nil and `pairs` holds the state.
    private var matrix: CooccurrenceMatrix? = CooccurrenceMatrix()
    private var pairs = CooccurrencePairs()

    public static let defaultDenseItems = 2_048

    public init(neighbors: Int = 20, denseItems: Int = IncrementalItemKNN.defaultDenseItems) {
        self.neighbors = max(1, neighbors)
        self.denseItems = max(0, denseItems)
    }

    public var algorithmName: String { "item-kNN (incremental cosine, binary, k=\(neighbors))" }
    public var parameterValues: [ParameterValue] {
        [ParameterValue("neighbors", neighbors, default: 20)]
    }

    /// Whether the state is currently held as dense matrices.
    public var isDense: Bool { matrix != nil }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        let i = Int(event.item)
        guard history.record(user: event.user, item: event.item) else { return }
        if i >= userCounts.count {
            userCounts += repeatElement(0, count: i + 1 - userCounts.count)
            roots += repeatElement(0, count: i + 1 - roots.count)
        }
        userCounts[i] += 1
        roots[i] = Double(userCounts[i]).squareRoot()
        let earlier = history.items(of: Int(event.user))
        if matrix != nil, matrix?.reserve(items: i + 1, limit: denseItems) == false { moveToPairs() }
        if matrix != nil {
            matrix?.add(item: i, earlier: earlier, roots: roots)
        } else {
            pairs.add(item: event.item, earlier: earlier)
        }
    }

    /// The catalogue outgrew the dense form: the same counts, as pairs.
    private mutating func moveToPairs() {
        guard let dense = matrix else { return }
        var sparse = CooccurrencePairs()
        sparse.grow(to: dense.itemCount)
        dense.forEachPair { a, b, c in sparse.bump(Int32(a), Int32(b), by: c) }
        pairs = sparse
        matrix = nil
    }

    /// The current cosine of two items (0 when they never co-occurred).
    public func similarity(_ a: Int, _ b: Int) -> Double {
        guard a >= 0, b >= 0, a < roots.count, b < roots.count else { return 0 }
        if let matrix { return Double(matrix.similarity(a, b)) }
        let c = pairs.count(a, b)
        return c > 0 ? Double(Float(Double(c) / (roots[b] * roots[a]))) : 0
    }

    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        guard count > 0 else { return [] }
        scratch.reserve(itemCount: roots.count)
        if let matrix { return recommendDense(matrix, count: count, seen: seen, scratch: &scratch) }
        return recommendSparse(count: count, seen: seen, scratch: &scratch)
    }

    /// Whole similarity rows summed. A user with more than k items may give a candidate more
    /// than k contributions, whose score is then the sum of its k strongest: such a user's
    /// candidates are checked strongest full sum first (the full sum bounds the score from above),
    /// only until the bound cannot reach the list.
    private func recommendDense(_ matrix: CooccurrenceMatrix, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        let n = matrix.itemCount
        let cut = seen.count > neighbors
        scratch.flag(seen, true)
        var heap = BoundedBest(capacity: count)
        // For the cut: the largest full sums seen (the `count`-th gives a floor, below).
        var largest = BoundedBest(capacity: count)
        let share = Double(neighbors) / Double(max(1, seen.count)) * (1 - 1e-9)
        var floor = 0.0
        scratch.bounds.removeAll()
        // Through pointers: element access to `scratch`'s arrays would each check the array is
        // uniquely held. The row sums are overwritten, never cleared.
        scratch.rowSums.withUnsafeMutableBufferPointer { scores in
        scratch.flags.withUnsafeBufferPointer { flags in
            guard let s = scores.baseAddress else { return }
            matrix.accumulate(seen, scores: s)
            if cut {
                for j in 0..<n {
                    let score = s[j]
                    // The floor (below) so far: it only rises, so what falls under it now is dropped.
                    guard score > 0, score * (1 + 1e-9) >= floor, !flags[j] else { continue }
                    scratch.bounds.append(item: j, bound: score)
                    largest.offer(item: j, score: score)
                    if largest.items.count == count { floor = (largest.scores.first ?? 0) * share }
                }
            } else {
                // What an item must beat to enter: 0, then the full heap's weakest. Items come in
                // ascending order, so one that only ties the weakest would lose the tie anyway;
                // most items are turned away by this one comparison.
                var bar = 0.0
                for j in 0..<n {
                    let score = s[j]
                    guard score > bar, !flags[j] else { continue }
                    heap.offer(item: j, score: score)
                    if heap.items.count == count { bar = max(0, heap.scores.first ?? 0) }
                }
            }
        }}
        scratch.flag(seen, false)
        guard cut else { return heap.sortedBestFirst() }
        // Each candidate's score is at least k/m of its full sum (m the user's items: the k
        // strongest of at most m similarities average at least their mean), so `count` candidates
        // score at least k/m of the `count`-th largest full sum, and a candidate whose full sum is
        // below that cannot enter. The margins cover the summation order of the sums.
        scratch.bounds.arrange(droppingBelow: floor, margin: 1 + 1e-9)
        while let (j, full) = scratch.bounds.popStrongest() {
            if heap.items.count == count, full * (1 + 1e-9) < (heap.scores.first ?? 0) { break }
            let (strongest, reached) = matrix.strongest(j, among: seen, k: neighbors, buffer: &scratch.strongest)
            heap.offer(item: j, score: reached > neighbors ? strongest : full)
        }
        return heap.sortedBestFirst()
    }

    private func recommendSparse(count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        var over: [Int] = []
        // Only a user with more than k items can give a candidate more than k contributions; then
        // every contribution is also kept (candidate, similarity) so the cut needs no lookups.
        let keep = seen.count > neighbors
        var contributors: [Int32] = []
        var contributions: [Double] = []
        pairs.accumulate(seen, roots: roots, k: neighbors, keep: keep, scratch: &scratch, over: &over,
                         contributors: &contributors, contributions: &contributions)
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

    /// The history, the per-item counts and roots, and the dense matrices or the sparse pairs.
    /// Counts, not capacities, except the dense matrices' size, which follows the events alone.
    public var memoryBytes: Int {
        history.memoryBytes + userCounts.count * 12 + (matrix?.memoryBytes ?? pairs.memoryBytes)
    }

    /// Stored (ordered) co-occurrence pairs.
    public var pairCount: Int { matrix?.pairCount ?? pairs.pairCount }
}

extension IncrementalItemKNN: SimilarItemsSource {
    /// The items most similar to `item` on the current counts, best first (ties by lower index):
    /// what the session re-rank of a stream reads.
    public func similarItems(to item: Int, count: Int) -> [Recommendation] {
        guard item >= 0, item < roots.count, count > 0 else { return [] }
        var best = BoundedBest(capacity: count)
        for j in matrix?.partners(of: item) ?? pairs.partners(of: item) { best.offer(item: Int(j), score: similarity(item, Int(j))) }
        return best.sortedBestFirst()
    }
}
