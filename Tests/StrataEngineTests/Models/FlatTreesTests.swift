import Testing
@testable import StrataEngine

/// Prediction through the flattened forest (`FlatTrees`, built once at fit) against walking each
/// `TreeStructure` node by node and summing in tree order: equal bit for bit, with missing values
/// and categorical splits, on one thread and two, for forests, boosting and the out-of-bag sums.
@Suite struct FlatTreesTests {
    /// 700 rows (several chunks, groups with a short tail): two numeric features with missing
    /// values, one categorical with missing codes, and a noisy target that depends on all three.
    static let rows = 700
    static let frame: ModelFrame = {
        var rng = SeededGenerator(seed: 11)
        var a: [Double] = [], b: [Double] = [], codes: [Int32] = []
        for _ in 0..<rows {
            a.append(rng.nextInt(below: 10) == 0 ? .nan : rng.nextGaussian())
            b.append(rng.nextInt(below: 15) == 0 ? .nan : Double(rng.nextInt(below: 40)))
            codes.append(Int32(rng.nextInt(below: 6)) - 1)
        }
        // Built from literals the test controls: the frame is well formed.
        return try! ModelFrame(rowCount: rows, features: [
            .numeric(name: "a", values: a), .numeric(name: "b", values: b),
            .categorical(name: "plan", codes: codes, levels: ["p0", "p1", "p2", "p3", "p4"]),
        ])
    }()
    static let labels: [Int] = {
        var rng = SeededGenerator(seed: 12)
        return (0..<rows).map { row in
            let f = frame.features
            var score = rng.nextGaussian()
            if f[0].numericValue(row) > 0.3 { score += 1 }
            if f[1].numericValue(row).isNaN || f[1].numericValue(row) > 25 { score += 1 }
            if [1.0, 3.0].contains(f[2].numericValue(row)) { score += 1 }
            return score > 1.2 ? 1 : 0
        }
    }()

    /// Σ over trees (in order, from `start`) of the leaf value each row reaches, node by node.
    static func walked(_ trees: [TreeStructure], output: Int, start: Double = 0) -> [Double] {
        (0..<rows).map { row in trees.reduce(start) { $0 + leafValue($1, row: row, output: output) } }
    }

    static func leafValue(_ tree: TreeStructure, row: Int, output: Int) -> Double {
        tree.values[tree.leaf(for: row, in: frame) * tree.outputCount + output]
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test func forestPredictionsEqualTheTreeWalkBitForBit() throws {
        let target = ClassTarget(labels: Self.labels, classes: ["stay", "churn"])
        let model = try RandomForestClassifierEstimator(parameters: ForestParameters(treeCount: 15, seed: 5))
            .fit(ClassificationData(frame: Self.frame, target: target), context: .quiet)
        #expect(model.flat.categories.isEmpty == false, "the forest should split on the categorical feature")
        let predicted = try model.predictProbabilities(Self.frame)
        for output in 0..<2 {
            let expected = Self.walked(model.trees, output: output).map { $0 / 15 }
            #expect(Self.bits(predicted.map { $0[output] }) == Self.bits(expected))
        }
        for workers in [1, 2] {
            let (sums, counts) = try model.flat.sums(rowCount: Self.rows, featureCount: 3,
                                                     fill: { Self.frame.fillRows($0, into: $1) }, workers: workers)
            #expect(Self.bits(stride(from: 1, to: sums.count, by: 2).map { sums[$0] }) == Self.bits(Self.walked(model.trees, output: 1)))
            #expect(counts == [Int](repeating: 15, count: Self.rows))
        }
    }

    @Test func regressionForestAndBoostingEqualTheTreeWalk() throws {
        let y = Self.labels.enumerated().map { Double($1) * 3 + Double($0 % 7) / 10 }
        let forest = try RandomForestRegressorEstimator(parameters: ForestParameters(
            treeCount: 9, tree: TreeParameters(criterion: .squaredError, maxFeatures: .all), seed: 2))
            .fit(RegressionData(frame: Self.frame, target: y), context: .quiet)
        #expect(Self.bits(try forest.predict(Self.frame)) == Self.bits(Self.walked(forest.trees, output: 0).map { $0 / 9 }))

        let boosted = try GradientBoostingRegressor(GradientBoostingParameters(rounds: 20, maxLeaves: 8, minSamplesLeaf: 5))
            .fit(RegressionData(frame: Self.frame, target: y), context: .quiet)
        let expected = Self.walked(boosted.ensemble.trees, output: 0, start: boosted.ensemble.baseScore)
        #expect(Self.bits(try boosted.predict(Self.frame)) == Self.bits(expected))
    }

    /// Out-of-bag: each row summed over the trees whose sample left it out, in tree order.
    @Test func outOfBagSumsSkipTheTreesThatSawTheRow() throws {
        let model = try RandomForestClassifierEstimator(parameters: ForestParameters(treeCount: 6, seed: 9))
            .fit(ClassificationData(frame: Self.frame, target: ClassTarget(labels: Self.labels, classes: ["0", "1"])),
                 context: .quiet)
        let (flat, trees) = (model.flat, model.trees)
        // Tree t trained on the rows with row % 6 != t (a made-up bag, as the sums take any).
        let words = (Self.rows + 63) / 64
        var inBag = [UInt64](repeating: 0, count: 6 * words)
        for t in 0..<6 { for row in 0..<Self.rows where row % 6 != t { inBag[t * words + row >> 6] |= 1 << UInt64(row & 63) } }
        for workers in [1, 2] {
            let (sums, counts) = try flat.sums(rowCount: Self.rows, featureCount: 3,
                                               fill: { Self.frame.fillRows($0, into: $1) }, inBag: inBag, workers: workers)
            #expect(counts == [Int](repeating: 1, count: Self.rows))
            for row in 0..<Self.rows {
                let tree = trees[row % 6]
                #expect(sums[row * 2 + 1].bitPattern == (0 + Self.leafValue(tree, row: row, output: 1)).bitPattern)
            }
        }
    }
}
