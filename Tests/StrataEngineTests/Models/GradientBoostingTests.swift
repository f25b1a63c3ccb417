import Foundation
import Testing
@testable import StrataEngine

@Suite struct GradientBoostingTests {
    static func numeric(_ name: String, _ values: [Double]) -> ModelFrame.Feature { .numeric(name: name, values: values) }

    static func oneRound(_ extra: (inout GradientBoostingParameters) -> Void = { _ in }) -> GradientBoostingParameters {
        var p = GradientBoostingParameters(rounds: 1, learningRate: 1, maxLeaves: 2, minSamplesLeaf: 1)
        extra(&p)
        return p
    }

    /// Squared error, one round: base 0.5, gradients ±0.5, hessians 1; the cut between 2 and 3
    /// (threshold 2.5) gives leaves −G/H = −0.5 and +0.5 and gain 1/2 + 1/2 − 0 = 1.
    @Test func oneSplitOneRoundRegression() throws {
        let frame = try ModelFrame(rowCount: 4, features: [Self.numeric("x", [1, 2, 3, 4])])
        let model = try GradientBoostingRegressor(Self.oneRound()).fit(RegressionData(frame: frame, target: [0, 0, 1, 1]), context: .quiet)
        let tree = try #require(model.ensemble.trees.first)
        #expect(model.ensemble.baseScore == 0.5)
        #expect(tree.nodeCount == 3)
        #expect(tree.threshold[0] == 2.5)
        #expect(tree.gain[0] == 1)
        #expect(tree.cover == [4, 2, 2])
        #expect(Array(tree.values[1...2]) == [-0.5, 0.5])
        #expect(try model.predict(frame) == [0, 0, 1, 1])
        #expect(model.featureImportances == [1])
    }

    /// Log-loss, one round: base log-odds 0, p = 0.5, gradients p − y = ±0.5, hessians 0.25; the
    /// left leaf is −(1)/(0.5) = −2 and the right +2 (learning rate 1).
    @Test func oneSplitOneRoundClassifier() throws {
        let frame = try ModelFrame(rowCount: 4, features: [Self.numeric("x", [1, 2, 3, 4])])
        let target = ClassTarget(labels: [0, 0, 1, 1], classes: ["no", "yes"])
        let model = try GradientBoostingClassifier(Self.oneRound()).fit(ClassificationData(frame: frame, target: target), context: .quiet)
        #expect(model.ensemble.baseScore == 0)
        #expect(try model.rawScores(frame) == [-2, -2, 2, 2])
        let p = try model.predictProbabilities(frame)
        #expect(abs(p[0][1] - 1 / (1 + exp(2.0))) < 1e-15)
        #expect(try model.predict(frame) == ["no", "no", "yes", "yes"])
    }

    /// Missing rows go to the side where they gain more: with the high target they join x ≥ 3.
    @Test func missingGoesToTheSideThatGainsMore() throws {
        let x: [Double] = [1, 2, .nan, .nan, 3, 4]
        let frame = try ModelFrame(rowCount: 6, features: [Self.numeric("x", x)])
        for (target, missingLeft) in [([0.0, 0, 1, 1, 1, 1], false), ([1.0, 1, 1, 1, 0, 0], true)] {
            let model = try GradientBoostingRegressor(Self.oneRound()).fit(RegressionData(frame: frame, target: target), context: .quiet)
            let tree = try #require(model.ensemble.trees.first)
            #expect(tree.threshold[0] == 2.5)
            #expect(tree.missingGoesLeft[0] == missingLeft)
            #expect(try model.predict(frame) == target)
        }
    }

    /// Categories sorted by G/(H+10): A and C (target 1) against B (target 0), gain 20/3 either
    /// way round ({A, C} or {B} on the left: equal up to rounding). An unseen category is missing.
    @Test func categoricalSplitTakesBestPrefix() throws {
        let codes = (0..<30).map { Int32($0 / 10) }
        let frame = try ModelFrame(rowCount: 30, features: [.categorical(name: "c", codes: codes, levels: ["A", "B", "C"])])
        let target = codes.map { $0 == 1 ? 0.0 : 1.0 }
        let model = try GradientBoostingRegressor(Self.oneRound()).fit(RegressionData(frame: frame, target: target), context: .quiet)
        let tree = try #require(model.ensemble.trees.first)
        #expect(tree.leftCategories[0] == [0, 2] || tree.leftCategories[0] == [1])
        #expect(abs(tree.gain[0] - 20.0 / 3) < 1e-12)
        let predicted = try model.predict(frame)
        for i in 0..<30 { #expect(abs(predicted[i] - target[i]) < 1e-12) }
        let other = try ModelFrame(rowCount: 1, features: [.categorical(name: "c", codes: [0], levels: ["Z"])])
        #expect(try model.predict(other).count == 1)
    }

    static func synthetic(rows: Int, seed: UInt64) throws -> (ModelFrame, ClassTarget) {
        var g = SeededGenerator(seed: seed)
        var columns = [[Double]](repeating: [], count: 7)
        var codes: [Int32] = []
        var labels: [Int] = []
        for _ in 0..<rows {
            var logit = 0.0
            for f in 0..<7 {
                var v = g.nextGaussian()
                logit += v * Double(f % 3) * 0.5
                if g.nextDouble() < 0.05 { v = .nan }
                columns[f].append(v)
            }
            let code = Int32(g.nextInt(below: 5))
            logit += code == 2 ? 1 : -0.3
            codes.append(g.nextDouble() < 0.03 ? -1 : code)
            labels.append(g.nextDouble() < 1 / (1 + exp(-logit)) ? 1 : 0)
        }
        var features = columns.enumerated().map { numeric("x\($0.offset)", $0.element) }
        features.append(.categorical(name: "c", codes: codes, levels: ["a", "b", "c", "d", "e"]))
        return (try ModelFrame(rowCount: rows, features: features), ClassTarget(labels: labels, classes: ["0", "1"]))
    }

    @Test func sameTreesOnOneAndTwoThreads() throws {
        let (frame, target) = try Self.synthetic(rows: 6_000, seed: 3)
        let y = target.labels.map(Double.init)
        let p = GradientBoostingParameters(rounds: 15, subsample: 0.8, validationFraction: 0.1, seed: 9)
        let one = try Booster(parameters: p, loss: .logLoss, workers: 1)
            .fit(frame: frame, target: y, weights: nil, strata: target.labels, context: .quiet)
        let two = try Booster(parameters: p, loss: .logLoss, workers: 2)
            .fit(frame: frame, target: y, weights: nil, strata: target.labels, context: .quiet)
        #expect(one.trees == two.trees)
        #expect(one.rawScores(frame) == two.rawScores(frame))
        #expect(one.trees.count > 1)
    }

    /// Above `TreeGrower.parallelWorkThreshold` rows the gather, the partition, the derivatives and
    /// the leaf updates run in pieces on both cores; the trees must still be the serial ones.
    @Test(arguments: [1.0, 0.7]) func sameTreesOnOneAndTwoThreadsAboveTheParallelThreshold(subsample: Double) throws {
        let (frame, target) = try Self.synthetic(rows: 2 * TreeGrower.parallelWorkThreshold + 1_234, seed: 5)
        let y = target.labels.map(Double.init)
        let p = GradientBoostingParameters(rounds: 3, subsample: subsample, seed: 4)
        let one = try Booster(parameters: p, loss: .logLoss, workers: 1)
            .fit(frame: frame, target: y, weights: nil, strata: target.labels, context: .quiet)
        let two = try Booster(parameters: p, loss: .logLoss, workers: 2)
            .fit(frame: frame, target: y, weights: nil, strata: target.labels, context: .quiet)
        #expect(one.trees == two.trees)
        #expect(one.rawScores(frame) == two.rawScores(frame))
    }

    @Test func earlyStoppingKeepsTheBestRound() throws {
        let (frame, target) = try Self.synthetic(rows: 2_000, seed: 5)
        let p = GradientBoostingParameters(rounds: 300, learningRate: 0.5, validationFraction: 0.2, patience: 5, seed: 1)
        let model = try GradientBoostingClassifier(p).fit(ClassificationData(frame: frame, target: target), context: .quiet)
        let losses = model.ensemble.validationLosses
        #expect(losses.count < 300)
        #expect(model.ensemble.trees.count == (losses.indices.min { losses[$0] < losses[$1] } ?? 0) + 1)
        #expect(model.ensemble.validationRows == 400)
    }

    @Test func oneClassIsRefused() throws {
        let frame = try ModelFrame(rowCount: 3, features: [Self.numeric("x", [1, 2, 3])])
        #expect(throws: EngineError.self) {
            try GradientBoostingClassifier().fit(ClassificationData(frame: frame, target: ClassTarget(labels: [1, 1, 1], classes: ["no", "yes"])),
                                                 context: .quiet)
        }
    }
}
