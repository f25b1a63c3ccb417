import Testing
@testable import StrataEngine

/// The blocked kernels of the factor models must give, bit for bit, what the plain loops give: each
/// output summed in order from its starting value. Sizes are chosen to hit every remainder path.
@Suite struct FactorKernelTests {
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float(generator.nextDouble() * 2 - 1) }
    }

    @Test(arguments: [false, true])
    func blockedScoresEqualThePlainSum(withOffsets: Bool) {
        let users = 7, items = 21, factors = 5
        let p = Self.values(users * factors, seed: 1)
        let q = Self.values(factors * items, seed: 2)   // factor-major: q[k * items + j]
        let offsets = withOffsets ? Self.values(items, seed: 3) : []
        var out = [Float](repeating: .nan, count: users * items)
        p.withUnsafeBufferPointer { pp in
            q.withUnsafeBufferPointer { qq in
                offsets.withUnsafeBufferPointer { oo in
                    out.withUnsafeMutableBufferPointer { o in
                        // Two tiles, so a tile that starts past 0 and ends off the 8-item grid is covered.
                        for tile in [0..<13, 13..<items] {
                            ScoreKernel.score(users: pp.baseAddress!, userCount: users, factorCount: factors,
                                              itemsByFactor: qq.baseAddress!, itemCount: items,
                                              offsets: withOffsets ? oo.baseAddress : nil, tile: tile, into: o.baseAddress!)
                        }
                    }
                }
            }
        }
        for u in 0..<users {
            for j in 0..<items {
                var s: Float = withOffsets ? offsets[j] : 0
                for k in 0..<factors { s += p[u * factors + k] * q[k * items + j] }
                #expect(out[u * items + j] == s)
            }
        }
    }

    @Test(arguments: [3, 8, 37, 64])
    func blockedSymmetricProductEqualsThePlainSum(n: Int) {
        let m = Self.values(n * n, seed: 4), v = Self.values(n, seed: 5)
        var out = [Float](repeating: .nan, count: n)
        m.withUnsafeBufferPointer { mm in
            v.withUnsafeBufferPointer { vv in
                out.withUnsafeMutableBufferPointer { o in
                    VectorMath.symmetricTimes(mm.baseAddress!, vv.baseAddress!, o.baseAddress!, n)
                }
            }
        }
        for c in 0..<n {
            var s: Float = 0
            for t in 0..<n { s += v[t] * m[t * n + c] }
            #expect(out[c] == s)
        }
    }

    @Test func floatTopNKeepsTheLowerIndexOnTiesAndSkipsNonFiniteScores() {
        let scores: [Float] = [0.5, .nan, 0.9, 0.5, -.infinity, 0.9, .infinity, 0.7]
        let best = TopScores.select(scores, count: 4, exclude: [])
        #expect(best.map(\.item) == [2, 5, 7, 0])
        #expect(TopScores.select(scores, count: 3, exclude: [2]).map(\.item) == [5, 7, 0])
        #expect(TopScores.select(scores, count: 0, exclude: []).isEmpty)
    }
}
