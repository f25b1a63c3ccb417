import Testing
@testable import StrataEngine

@Suite struct TreeRankTests {
    /// Every size path of the key sort (insertion, quicksort, radix with 1–3 byte passes) sorts by
    /// rank, keeping each key.
    @Test func rankKeysSortByRank() {
        var rng = SeededGenerator(seed: 11)
        for count in [0, 1, 2, 7, 24, 25, 100, 159, 160, 1_000, 5_000] {
            for highest: UInt32 in [0, 3, 200, 60_000, 300_000] {
                var keys = (0..<count).map { row in UInt64(rng.nextInt(below: Int(highest) + 1)) << 32 | UInt64(row) }
                let expected = keys.sorted { $0 >> 32 < $1 >> 32 }.map { $0 >> 32 }
                let all = Set(keys)
                var spare = [UInt64](repeating: 0, count: max(1, count))
                keys.withUnsafeMutableBufferPointer { k in
                    spare.withUnsafeMutableBufferPointer { s in
                        if let kb = k.baseAddress, let sb = s.baseAddress {
                            RankKeys.sort(kb, count: count, spare: sb, highestRank: highest)
                        }
                    }
                }
                #expect(keys.map { $0 >> 32 } == expected, "count \(count), highest \(highest)")
                #expect(Set(keys) == all)
            }
        }
    }

    /// Ranks follow the sorted distinct values; missing values and categories keep their meaning.
    @Test func ranksOfDistinctValues() {
        let ranks = TreeRanks(columns: [[2.5, .nan, -1, 2.5, 7], [1, 0, .nan, 1, 2]], levelCounts: [0, 3], rowCount: 5)
        #expect(ranks.distinct == [-1, 2.5, 7])
        #expect(ranks.distinctStart == [0, 3])
        #expect(ranks.rankCounts == [3, 3])
        #expect(ranks.ranks == [1, TreeRanks.missing, 0, 1, 2, 1, 0, TreeRanks.missing, 1, 2])
    }

    /// The flattened forest predicts what walking each tree does, and the same on 1 and 2 threads
    /// (the out-of-bag pass is checked in ForestTests).
    @Test func flatPredictionEqualsTreeWalk() throws {
        let small = TreeReferenceFixture.shared
        let target = ClassTarget(labels: small.y_class, classes: ["0", "1"])
        let model = try RandomForestClassifierEstimator(parameters: ForestParameters(treeCount: 9, seed: 5))
            .fit(ClassificationData(frame: small.frame, target: target), context: .quiet)
        let p = try model.predictProbabilities(small.frame)
        for row in 0..<small.frame.rowCount {
            var sum = 0.0
            for tree in model.trees { sum += tree.values[tree.leaf(for: row, in: small.frame) * 2 + 1] }
            #expect(p[row][1] == sum / 9)
        }
    }
}
