/// How much a fitted model's score drops when one feature's values are shuffled between rows,
/// breaking its link with the target while keeping its distribution (Breiman 2001; scikit-learn's
/// `permutation_importance`). A categorical feature is shuffled by its codes, a missing value
/// moving with its row like any other.
///
/// Each feature is shuffled `repeats` times with its own stream of the project's PRNG (stream =
/// the feature's position), so the result does not depend on how features are spread over
/// threads. The drop is baseline − shuffled for a metric where higher is better and
/// shuffled − baseline for a loss, so a positive drop always means the feature helped.
public struct PermutationImportance: Sendable, Equatable {
    public struct Feature: Sendable, Equatable {
        public let name: String
        /// Mean drop over the repeats.
        public let mean: Double
        /// Population standard deviation of the drops (divisor n, as scikit-learn's `np.std`).
        public let standardDeviation: Double
        public let drops: [Double]
    }

    /// The score with nothing shuffled.
    public let baseline: Double
    public let repeats: Int
    public let seed: UInt64
    /// In the frame's feature order.
    public let features: [Feature]

    /// Largest mean drop first; equal means keep feature order.
    public var ranked: [Feature] {
        features.enumerated().sorted { ($0.element.mean, -$0.offset) > ($1.element.mean, -$1.offset) }.map(\.element)
    }

    /// `score(frame)` scores the model on a (perturbed) copy of `frame`.
    public static func compute(frame: ModelFrame, repeats: Int = 5, seed: UInt64, higherIsBetter: Bool,
                               parallel: Bool = true, context: RunContext,
                               score: @Sendable (ModelFrame) throws -> Double) throws -> PermutationImportance {
        guard repeats >= 1, repeats <= 1000 else {
            throw EngineError("permutation importance needs 1 to 1000 repeats, not \(repeats)", suggestion: "e.g. repeats=5")
        }
        guard frame.rowCount >= 2 else { throw EngineError("permutation importance needs at least 2 rows") }
        let baseline = try score(frame)
        let chunks = FixedChunks(pieces: frame.features.count)
        let features = try chunks.map(workers: parallel ? FixedChunks.threadCount : 1,
                                      cancellation: context.cancellation) { range -> Feature in
            let j = range.lowerBound
            var generator = SeededGenerator(seed: seed, stream: UInt64(j))
            var drops: [Double] = []
            for _ in 0..<repeats {
                try context.cancellation.check()
                var order = Array(0..<frame.rowCount)
                generator.shuffle(&order)
                let shuffled = try frame.replacingFeature(j, with: frame.features[j].permuted(order))
                let s = try score(shuffled)
                drops.append(higherIsBetter ? baseline - s : s - baseline)
            }
            let mean = drops.reduce(0, +) / Double(repeats)
            let variance = drops.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(repeats)
            return Feature(name: frame.features[j].name, mean: mean, standardDeviation: variance.squareRoot(), drops: drops)
        }
        return PermutationImportance(baseline: baseline, repeats: repeats, seed: seed, features: features)
    }

    /// A classifier scored by `metric` on the probability of `positiveName`.
    public static func classifier<M: Classifier>(_ model: M, frame: ModelFrame, isPositive: [Bool], positiveName: String,
                                                 metric: ClassificationMetric, repeats: Int = 5, seed: UInt64,
                                                 parallel: Bool = true, context: RunContext) throws -> PermutationImportance
    where M.Features == ModelFrame {
        guard isPositive.count == frame.rowCount else {
            throw EngineError("there are \(isPositive.count) labels for \(frame.rowCount) rows")
        }
        return try compute(frame: frame, repeats: repeats, seed: seed, higherIsBetter: metric.higherIsBetter,
                           parallel: parallel, context: context) { x in
            let p = try CrossValidation.positiveProbabilities(model, x, positiveName: positiveName)
            return try metric.value(BinaryOutcomes(scores: p, isPositive: isPositive))
        }
    }

    /// A regressor scored by `metric`.
    public static func regressor<M: Regressor>(_ model: M, frame: ModelFrame, actual: [Double], metric: RegressionMetric,
                                               repeats: Int = 5, seed: UInt64, parallel: Bool = true,
                                               context: RunContext) throws -> PermutationImportance
    where M.Features == ModelFrame {
        guard actual.count == frame.rowCount else {
            throw EngineError("there are \(actual.count) target values for \(frame.rowCount) rows")
        }
        return try compute(frame: frame, repeats: repeats, seed: seed, higherIsBetter: metric.higherIsBetter,
                           parallel: parallel, context: context) { x in
            try metric.value(RegressionMetrics(actual: actual, predicted: model.predict(x)))
        }
    }
}
