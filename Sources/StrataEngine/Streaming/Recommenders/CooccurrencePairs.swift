/// Item-kNN state for a large catalogue, held sparse: each item's co-occurring items and the counts
/// c_ij, with a pair index. An event adds one pair per earlier item of the user, so an update
/// costs the length of that user's history; a list visits every co-occurrence of every item the
/// user has, computing each similarity from the current counts.
struct CooccurrencePairs: Sendable {
    /// Each item's co-occurring items and the counts c_ij, in the order the pairs first met.
    private var partners: [[Int32]] = []
    private var together: [[Int32]] = []
    /// (i, j) → position of j in `partners[i]`.
    private var position: [UInt64: Int32] = [:]

    var pairCount: Int { position.count }

    mutating func grow(to count: Int) {
        guard count > partners.count else { return }
        partners += repeatElement([], count: count - partners.count)
        together += repeatElement([], count: count - together.count)
    }

    /// A user with items `earlier` took item `i` (new to them).
    mutating func add(item i: Int32, earlier: [Int32]) {
        grow(to: Int(i) + 1)
        for j in earlier where j != i {
            bump(i, j)
            bump(j, i)
        }
    }

    /// Adds `count` to c_ab (the pair is created when new).
    @inline(__always)
    mutating func bump(_ a: Int32, _ b: Int32, by count: Int32 = 1) {
        let key = InteractionHistory.key(a, b)
        if let p = position[key] {
            together[Int(a)][Int(p)] += count
        } else {
            position[key] = Int32(partners[Int(a)].count)
            partners[Int(a)].append(b)
            together[Int(a)].append(count)
        }
    }

    /// The items that co-occurred with `item`, in the order the pairs first met.
    func partners(of item: Int) -> [Int32] {
        item >= 0 && item < partners.count ? partners[item] : []
    }

    func count(_ a: Int, _ b: Int) -> Int32 {
        guard a >= 0, b >= 0, a < partners.count, b < partners.count,
              let p = position[InteractionHistory.key(Int32(a), Int32(b))] else { return 0 }
        return together[a][Int(p)]
    }

    /// Adds every similarity from `items` to their partners into `scratch.scores`, counting the
    /// contributions per candidate; a candidate reached more than `k` times is listed in `over`,
    /// and, when `keep`, every contribution is also kept as (candidate, similarity) for the cut.
    func accumulate(_ items: [Int32], roots: [Double], k: Int, keep: Bool, scratch: inout StreamScratch,
                    over: inout [Int], contributors: inout [Int32], contributions: inout [Double]) {
        let k = Int32(k)
        roots.withUnsafeBufferPointer { root in
        scratch.scores.withUnsafeMutableBufferPointer { scores in
        scratch.counts.withUnsafeMutableBufferPointer { counts in
            for i in items where Int(i) < partners.count {
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
    }

    /// Pairs and the index (about 24 bytes an ordered pair) plus the per-item lists.
    var memoryBytes: Int { position.count * 24 + partners.count * 56 }
}
