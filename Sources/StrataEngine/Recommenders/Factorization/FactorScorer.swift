/// Dot-product scores of users against every item, shared by the factor models.
struct FactorScorer: Sendable {
    let factorCount: Int
    let itemCount: Int
    /// Item factors transposed (factor-major, entry f·itemCount + j), so that scoring is runs of
    /// contiguous multiply-adds that the compiler vectorises.
    let itemsByFactor: [Float]
    /// Added to every user's score of item j (an item bias); empty for none.
    let itemOffsets: [Float]

    /// `itemFactors` is row-major, items × factors.
    init(itemFactors: [Float], itemCount: Int, factorCount: Int, itemOffsets: [Float] = []) {
        self.factorCount = factorCount
        self.itemCount = itemCount
        self.itemOffsets = itemOffsets
        var t = [Float](repeating: 0, count: itemFactors.count)
        for j in 0..<itemCount {
            for f in 0..<factorCount { t[f * itemCount + j] = itemFactors[j * factorCount + f] }
        }
        itemsByFactor = t
    }

    /// Scores of one user (factor vector `user`) for every item, written to `out[0..<itemCount]`.
    func scores(user: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        score(users: user, userCount: 1, into: out, tile: 0..<itemCount)
    }

    /// Scores of `userCount` consecutive user vectors for the items in `tile`; user b's row of
    /// `out` starts at b·itemCount.
    private func score(users: UnsafePointer<Float>, userCount: Int, into out: UnsafeMutablePointer<Float>, tile: Range<Int>) {
        itemsByFactor.withUnsafeBufferPointer { q in
            itemOffsets.withUnsafeBufferPointer { o in
                guard let qBase = q.baseAddress else { return }
                ScoreKernel.score(users: users, userCount: userCount, factorCount: factorCount, itemsByFactor: qBase,
                                  itemCount: itemCount, offsets: itemOffsets.isEmpty ? nil : o.baseAddress,
                                  tile: tile, into: out)
            }
        }
    }

    /// Users are scored in blocks against item tiles small enough to stay in cache.
    static let userBlock = 32
    static let itemTile = 512

    /// The top `count` items for each user in `users`, from row-major user factors; with
    /// `seen`, each user's training items are left out. Users outside the factors get an empty list.
    func topN(userFactors: [Float], users: [Int], count: Int, seen: CSRMatrix?, context: RunContext) throws -> [[Recommendation]] {
        let userCount = userFactors.count / max(1, factorCount)
        let known = users.filter { $0 >= 0 && $0 < userCount }
        guard known.count == users.count else {
            var lists = try topN(userFactors: userFactors, users: known, count: count, seen: seen, context: context).makeIterator()
            return users.map { $0 >= 0 && $0 < userCount ? (lists.next() ?? []) : [] }
        }
        let chunks = FixedChunks(total: users.count, parts: FixedChunks.defaultParts)
        let parts = try chunks.map(cancellation: context.cancellation) { range -> [[Recommendation]] in
            var lists: [[Recommendation]] = []
            lists.reserveCapacity(range.count)
            let block = Self.userBlock
            var vectors = [Float](repeating: 0, count: block * factorCount)
            var rows = [Float](repeating: 0, count: block * itemCount)
            var start = range.lowerBound
            while start < range.upperBound {
                try context.cancellation.check()
                let end = min(start + block, range.upperBound)
                for (b, u) in users[start..<end].enumerated() {
                    for f in 0..<factorCount { vectors[b * factorCount + f] = userFactors[u * factorCount + f] }
                }
                vectors.withUnsafeBufferPointer { v in
                    rows.withUnsafeMutableBufferPointer { r in
                        guard let vb = v.baseAddress, let rb = r.baseAddress else { return }
                        var t = 0
                        while t < itemCount {
                            score(users: vb, userCount: end - start, into: rb, tile: t..<min(t + Self.itemTile, itemCount))
                            t += Self.itemTile
                        }
                    }
                }
                for (b, u) in users[start..<end].enumerated() {
                    let offset = b * itemCount
                    if let seen {
                        for j in seen.row(u).indices { rows[offset + Int(j)] = -.infinity }
                    }
                    let best = rows.withUnsafeBufferPointer { r in
                        TopScores.select(UnsafeBufferPointer(rebasing: r[offset..<(offset + itemCount)]), count: count, exclude: [])
                    }
                    lists.append(best)
                }
                start = end
            }
            return lists
        }
        return parts.flatMap { $0 }
    }

    /// The top `count` items for one user vector, leaving out `exclude`.
    func topN(user: ArraySlice<Float>, count: Int, exclude: Set<Int>) -> [Recommendation] {
        var row = [Float](repeating: 0, count: itemCount)
        let vector = Array(user)
        vector.withUnsafeBufferPointer { v in
            row.withUnsafeMutableBufferPointer { r in
                if let vb = v.baseAddress, let rb = r.baseAddress { scores(user: vb, into: rb) }
            }
        }
        return TopScores.select(row, count: count, exclude: exclude)
    }
}
