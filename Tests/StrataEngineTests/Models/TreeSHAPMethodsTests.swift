import Testing
@testable import StrataEngine

/// Algorithm 2 (`PathSHAP`) and Fast TreeSHAP v2 (`LeafSubsetSHAP`) give the same values, both equal
/// shap's on its fixture, and the result is the same bit for bit on 1 and 2 threads.
@Suite struct TreeSHAPMethodsTests {
    let fixture = TreeReferenceFixture.shared

    @Test func bothMethodsEqualShapOnItsFixture() throws {
        let frame = fixture.frame.takingRows(Array(0..<20))
        for name in ["tree", "forest"] {
            guard let set = fixture.shap[name] else { Issue.record("no \(name)"); continue }
            let trees = set.trees.map { TreeStructure(sklearn: $0) }
            let scale = 1 / Double(trees.count)
            for method in [TreeSHAP.Method.path, .leafSubsets] {
                let phi = try TreeSHAP.contributions(trees, output: 1, scale: scale, frame: frame, method: method,
                                                     workers: 1, cancellation: .never)
                for row in 0..<20 {
                    for f in 0..<4 { #expect(abs(phi[row][f] - set.shap[row][f]) < 1e-6, "\(name) \(method) row \(row) f\(f)") }
                    #expect(abs(set.expected + phi[row].reduce(0, +) - set.proba[row]) < 1e-9, "\(name) \(method) row \(row) sum")
                }
            }
        }
    }

    /// A forest on numbers with missing values and a categorical column (repeated features on a path,
    /// missing sides, left-sets), and boosting trees (cover = rows): the two methods agree to 1e-12.
    @Test func pathAndLeafSubsetsAgree() throws {
        let (frame, target) = try GradientBoostingTests.synthetic(rows: 1_500, seed: 11)
        let forest = try RandomForestClassifierEstimator(parameters: ForestParameters(
            treeCount: 6, tree: TreeParameters(maxDepth: 9, maxFeatures: .sqrt), seed: 4))
            .fit(ClassificationData(frame: frame, target: target), context: .quiet)
        let boosted = try GradientBoostingClassifier(GradientBoostingParameters(rounds: 5, seed: 2))
            .fit(ClassificationData(frame: frame, target: target), context: .quiet)
        let rows = frame.takingRows(Array(0..<300))
        for (trees, output) in [(forest.trees, 1), (boosted.ensemble.trees, 0)] {
            #expect(trees.contains { $0.depth >= 5 })
            let v1 = try TreeSHAP.contributions(trees, output: output, scale: 1, frame: rows, method: .path,
                                                workers: 1, cancellation: .never)
            let v2 = try TreeSHAP.contributions(trees, output: output, scale: 1, frame: rows, method: .leafSubsets,
                                                workers: 1, cancellation: .never)
            var worst = 0.0
            for (a, b) in zip(v1, v2) { for (p, q) in zip(a, b) { worst = max(worst, abs(p - q)) } }
            #expect(worst < 1e-12, "largest difference \(worst)")
            #expect(v1.flatMap { $0 }.contains { abs($0) > 1e-3 })
        }
        // Additivity through the model: expected value + Σ φ = the predicted probability.
        let p = try forest.predictProbabilities(rows)
        for (r, phi) in try forest.contributions(rows).enumerated() {
            #expect(abs(forest.expectedValue + phi.reduce(0, +) - p[r][1]) < 1e-12)
        }
    }

    @Test func identicalOnOneAndTwoThreads() throws {
        let (frame, target) = try GradientBoostingTests.synthetic(rows: 1_200, seed: 5)
        let forest = try RandomForestClassifierEstimator(parameters: ForestParameters(
            treeCount: 5, tree: TreeParameters(maxDepth: 7), seed: 1))
            .fit(ClassificationData(frame: frame, target: target), context: .quiet)
        // More rows than one chunk, so the two threads share them.
        #expect(frame.rowCount > 2 * TreeSHAP.rowsPerChunk)
        for method in [TreeSHAP.Method.automatic, .path, .leafSubsets] {
            let one = try TreeSHAP.contributions(forest.trees, output: 1, scale: 0.2, frame: frame, method: method,
                                                 workers: 1, cancellation: .never)
            let two = try TreeSHAP.contributions(forest.trees, output: 1, scale: 0.2, frame: frame, method: method,
                                                 workers: 2, cancellation: .never)
            #expect(one == two, "\(method)")
        }
    }

    /// Hand-computed: x0 ≤ 0.5 then x0 ≤ 0.25 again on the left (the repeated feature counts
    /// once), covers 4 → (2 → 1, 1), 2. Leaves 1, 2, 3. For x0 = 0.1 the prediction is 1 and the
    /// expected value (1·1 + 1·2 + 2·3)/4 = 2.25, so φ0 = −1.25 by either method.
    @Test func repeatedFeatureOnOnePath() throws {
        var tree = TreeStructure(outputCount: 1)
        let root = tree.addNode(value: [2.25], cover: 4)
        let inner = tree.addNode(value: [1.5], cover: 2)
        let a = tree.addNode(value: [1], cover: 1)
        let b = tree.addNode(value: [2], cover: 1)
        let c = tree.addNode(value: [3], cover: 2)
        tree.setSplit(root, feature: 0, threshold: 0.5, missingGoesLeft: true, left: inner, right: c, gain: 0)
        tree.setSplit(inner, feature: 0, threshold: 0.25, missingGoesLeft: true, left: a, right: b, gain: 0)
        let frame = try ModelFrame(rowCount: 2, features: [.numeric(name: "x0", values: [0.1, 0.4]),
                                                          .numeric(name: "x1", values: [7, 7])])
        for method in [TreeSHAP.Method.path, .leafSubsets] {
            let phi = try TreeSHAP.contributions([tree], output: 0, scale: 1, frame: frame, method: method,
                                                 workers: 1, cancellation: .never)
            #expect(abs(phi[0][0] + 1.25) < 1e-15 && phi[0][1] == 0, "\(method)")
            #expect(abs(phi[1][0] + 0.25) < 1e-15 && phi[1][1] == 0, "\(method)")
        }
    }

    @Test func aSplitOnAFeatureTheRowsLackIsAnError() throws {
        var tree = TreeStructure(outputCount: 1)
        let root = tree.addNode(value: [0], cover: 2)
        let l = tree.addNode(value: [1], cover: 1)
        let r = tree.addNode(value: [-1], cover: 1)
        tree.setSplit(root, feature: 3, threshold: 0, missingGoesLeft: true, left: l, right: r, gain: 0)
        let frame = try ModelFrame(rowCount: 1, features: [.numeric(name: "x0", values: [1])])
        #expect(throws: EngineError.self) { try TreeSHAP.contributions([tree], output: 0, scale: 1, frame: frame) }
    }
}
