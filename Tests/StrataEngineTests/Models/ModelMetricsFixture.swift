import Foundation
@testable import StrataEngine

/// scikit-learn figures written by `Tests/fixtures-src/model_metrics_reference.py` (run from the
/// repository root with the peers venv; versions are in the JSON).
struct ModelMetricsFixture: Decodable {
    struct Versions: Decodable { let sklearn: String; let numpy: String; let scipy: String }
    struct AtThreshold: Decodable { let threshold: Double; let accuracy: Double; let precision: Double; let recall: Double; let f1: Double }
    struct Calibration: Decodable { let bins: Int; let prob_true: [Double]; let prob_pred: [Double] }
    struct Binary: Decodable {
        let name: String
        let labels: [Int]
        let scores: [Double]
        let roc_auc: Double
        let average_precision: Double
        let roc_fpr: [Double]
        let roc_tpr: [Double]
        let roc_thresholds_after_first: [Double]
        let pr_precision: [Double]
        let pr_recall: [Double]
        let pr_thresholds: [Double]
        let at_threshold: [AtThreshold]
        let log_loss: Double?
        let brier: Double?
        let calibration: [Calibration]?
    }
    struct StratifiedFold: Decodable { let test_size: Int; let test_positives: Int }
    struct Stratified: Decodable { let class_counts: [Int]; let k: Int; let folds: [StratifiedFold] }
    struct Regression: Decodable { let actual: [Double]; let predicted: [Double]; let rmse: Double; let mae: Double; let r2: Double }
    struct Paired: Decodable {
        let a: [Double]; let b: [Double]; let test_to_train: Double
        let corrected_t: Double; let corrected_p: Double; let plain_t: Double; let plain_p: Double
    }

    let versions: Versions
    let binary: [Binary]
    let stratified_kfold: Stratified
    let regression: Regression
    let paired: Paired

    static let shared: ModelMetricsFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("model_metrics_reference.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(ModelMetricsFixture.self, from: data)
    }()
}

extension ModelMetricsFixture.Binary {
    func outcomes() throws -> BinaryOutcomes {
        try BinaryOutcomes(scores: scores, isPositive: labels.map { $0 == 1 })
    }
}
