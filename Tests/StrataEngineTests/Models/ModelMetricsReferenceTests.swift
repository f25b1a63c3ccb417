import Testing
@testable import StrataEngine

/// Metrics against scikit-learn on the same scores (ties included).
struct ModelMetricsReferenceTests {
    let fixture = ModelMetricsFixture.shared

    @Test func fixtureLoads() {
        #expect(fixture != nil)
        #expect(fixture?.binary.count == 5)
    }

    @Test func rocAUCEqualsScikitLearnWithTies() throws {
        for c in fixture?.binary ?? [] {
            let curve = try ROCCurve(c.outcomes())
            #expect(abs(curve.area - c.roc_auc) <= 1e-12, "\(c.name): \(curve.area) vs \(c.roc_auc)")
            #expect(curve.falsePositiveRates == c.roc_fpr, "\(c.name) fpr")
            #expect(curve.truePositiveRates == c.roc_tpr, "\(c.name) tpr")
            #expect(Array(curve.thresholds.dropFirst()) == c.roc_thresholds_after_first, "\(c.name) thresholds")
            #expect(curve.thresholds.first == .infinity)
        }
    }

    @Test func averagePrecisionAndPRCurveEqualScikitLearn() throws {
        for c in fixture?.binary ?? [] {
            let curve = try PrecisionRecallCurve(c.outcomes())
            #expect(abs(curve.averagePrecision - c.average_precision) <= 1e-12, "\(c.name)")
            #expect(curve.precisions.count == c.pr_precision.count, "\(c.name)")
            for (a, b) in zip(curve.precisions, c.pr_precision) { #expect(abs(a - b) <= 1e-15) }
            for (a, b) in zip(curve.recalls, c.pr_recall) { #expect(abs(a - b) <= 1e-15) }
            #expect(curve.thresholds == c.pr_thresholds, "\(c.name)")
        }
    }

    @Test func logLossAndBrierEqualScikitLearn() throws {
        for c in fixture?.binary ?? [] {
            guard let logLoss = c.log_loss, let brier = c.brier else { continue }
            let o = try c.outcomes()
            #expect(abs(try ClassificationMetrics.logLoss(o) - logLoss) <= 1e-12, "\(c.name)")
            #expect(abs(try ClassificationMetrics.brierScore(o) - brier) <= 1e-14, "\(c.name)")
        }
    }

    @Test func thresholdMetricsEqualScikitLearn() throws {
        for c in fixture?.binary ?? [] {
            for t in c.at_threshold {
                let m = try ConfusionMatrix(c.outcomes(), threshold: t.threshold)
                #expect(abs(m.accuracy - t.accuracy) <= 1e-15, "\(c.name) @\(t.threshold)")
                #expect(abs(m.precision - t.precision) <= 1e-15)
                #expect(abs(m.recall - t.recall) <= 1e-15)
                #expect(abs(m.f1 - t.f1) <= 1e-15)
            }
        }
    }

    @Test func calibrationBinsEqualScikitLearn() throws {
        for c in fixture?.binary ?? [] {
            for reference in c.calibration ?? [] {
                let curve = try CalibrationCurve(c.outcomes(), bins: reference.bins)
                let filled = curve.bins.filter { $0.count > 0 }
                #expect(filled.map { $0.observedRate ?? .nan } == reference.prob_true, "\(c.name) \(reference.bins) bins")
                #expect(filled.count == reference.prob_pred.count)
                for (bin, p) in zip(filled, reference.prob_pred) {
                    #expect(abs((bin.meanPredicted ?? .nan) - p) <= 1e-15, "\(c.name)")
                }
                #expect(curve.bins.reduce(0) { $0 + $1.count } == c.scores.count)
            }
        }
    }

    @Test func regressionMetricsEqualScikitLearn() throws {
        guard let r = fixture?.regression else { return }
        let m = try RegressionMetrics(actual: r.actual, predicted: r.predicted)
        #expect(abs(m.rmse - r.rmse) <= 1e-12)
        #expect(abs(m.mae - r.mae) <= 1e-12)
        #expect(abs(m.r2 - r.r2) <= 1e-12)
    }

    @Test func stratifiedFoldSizesMatchStratifiedKFold() throws {
        guard let s = fixture?.stratified_kfold else { return }
        var labels: [Int] = []
        for (c, count) in s.class_counts.enumerated() { labels += [Int](repeating: c, count: count) }
        for seed: UInt64 in [1, 2, 42] {
            let folds = try Folds.stratified(labels: labels, k: s.k, seed: seed)
            let ours = folds.summaries(isPositive: labels.map { $0 == 1 })
            // Same multiset of (size, positives) as scikit-learn's folds, though not the same rows.
            let mine = ours.map { [$0.testRows, $0.testPositives] }.sorted { $0.lexicographicallyPrecedes($1) }
            let theirs = s.folds.map { [$0.test_size, $0.test_positives] }.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(mine == theirs, "seed \(seed)")
            #expect(Set(folds.testRows.joined()).count == labels.count)
        }
    }

    @Test func correctedResampledTTestMatchesTheFormula() throws {
        guard let p = fixture?.paired else { return }
        let c = try FoldComparison(p.a, p.b, testToTrainRatio: p.test_to_train)
        #expect(abs(c.corrected.t - p.corrected_t) <= 1e-10)
        #expect(abs(c.corrected.pValue - p.corrected_p) <= 1e-8)
        #expect(abs(c.plain.t - p.plain_t) <= 1e-10)
        #expect(abs(c.plain.pValue - p.plain_p) <= 1e-8)
        #expect(abs(c.corrected.t) < abs(c.plain.t))
    }
}
