/// Scores for a binary target, checked once so every metric can trust them: one finite score per
/// row (a probability or any score that ranks rows, higher meaning more likely positive) and
/// whether the row is truly positive.
public struct BinaryOutcomes: Sendable, Equatable {
    public let scores: [Double]
    public let isPositive: [Bool]
    public let positiveCount: Int

    public var count: Int { scores.count }
    public var negativeCount: Int { count - positiveCount }

    /// Refuses mismatched lengths, no rows, and missing or infinite scores (naming the first row).
    public init(scores: [Double], isPositive: [Bool]) throws {
        guard scores.count == isPositive.count else {
            throw EngineError("there are \(scores.count) scores for \(isPositive.count) labels")
        }
        guard !scores.isEmpty else { throw EngineError("there are no rows to evaluate") }
        if let row = scores.firstIndex(where: { !$0.isFinite }) {
            throw EngineError("the score of row \(row + 1) is \(scores[row].isNaN ? "missing" : "not finite")",
                              suggestion: "drop rows without a prediction before evaluating")
        }
        self.scores = scores
        self.isPositive = isPositive
        positiveCount = isPositive.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// Positive means `target.labels[i] == positiveClass`.
    public init(scores: [Double], target: ClassTarget, positiveClass: Int) throws {
        guard target.classes.indices.contains(positiveClass) else {
            throw EngineError("positive class \(positiveClass) is not one of the \(target.classes.count) classes")
        }
        try self.init(scores: scores, isPositive: target.labels.map { $0 == positiveClass })
    }

    /// The rows `rows` of these outcomes, in that order.
    public func takingRows(_ rows: [Int]) throws -> BinaryOutcomes {
        try BinaryOutcomes(scores: rows.map { scores[$0] }, isPositive: rows.map { isPositive[$0] })
    }

    /// Ranking metrics need both classes; the error names the one missing.
    func requireBothClasses(for metric: String) throws {
        if positiveCount == 0 {
            throw EngineError("\(metric) needs at least one positive row; every one of the \(count) rows is negative")
        }
        if negativeCount == 0 {
            throw EngineError("\(metric) needs at least one negative row; every one of the \(count) rows is positive")
        }
    }

    /// Probability metrics need scores in [0, 1].
    func requireProbabilities(for metric: String) throws {
        if let row = scores.firstIndex(where: { $0 < 0 || $0 > 1 }) {
            throw EngineError("\(metric) needs probabilities, but the score of row \(row + 1) is \(scores[row])",
                              suggestion: "use the model's predicted probability of the positive class")
        }
    }
}

/// Cumulative true and false positives when every row scoring at least a threshold is called
/// positive, at each distinct score from the highest down (scikit-learn's
/// `confusion_matrix_at_thresholds`). Tied scores enter together, which is what makes the ROC and
/// precision–recall curves tie-aware.
struct ThresholdCounts: Sendable {
    /// Distinct scores, descending.
    var thresholds: [Double]
    var truePositives: [Double]
    var falsePositives: [Double]

    init(_ outcomes: BinaryOutcomes) {
        let s = outcomes.scores
        // A stable descending order, as scikit-learn's argsort(stable=True, descending=True).
        let order = s.indices.sorted { s[$0] > s[$1] || (s[$0] == s[$1] && $0 < $1) }
        var thresholds: [Double] = [], tps: [Double] = [], fps: [Double] = []
        var tp = 0.0
        for (position, row) in order.enumerated() {
            if outcomes.isPositive[row] { tp += 1 }
            let isLastOfTie = position + 1 == order.count || s[order[position + 1]] != s[row]
            if isLastOfTie {
                thresholds.append(s[row])
                tps.append(tp)
                fps.append(Double(position + 1) - tp)
            }
        }
        self.thresholds = thresholds
        truePositives = tps
        falsePositives = fps
    }

    /// Keeps the points where the curve turns (scikit-learn's `drop_intermediate` for ROC): a
    /// point collinear with both neighbours on a horizontal or vertical run adds nothing.
    func droppingCollinear() -> ThresholdCounts {
        let n = thresholds.count
        guard n > 2 else { return self }
        var kept = ThresholdCounts(thresholds: [], truePositives: [], falsePositives: [])
        for i in 0..<n {
            let keep: Bool
            if i == 0 || i == n - 1 {
                keep = true
            } else {
                let secondFP = falsePositives[i + 1] - 2 * falsePositives[i] + falsePositives[i - 1]
                let secondTP = truePositives[i + 1] - 2 * truePositives[i] + truePositives[i - 1]
                keep = secondFP != 0 || secondTP != 0
            }
            if keep {
                kept.thresholds.append(thresholds[i])
                kept.truePositives.append(truePositives[i])
                kept.falsePositives.append(falsePositives[i])
            }
        }
        return kept
    }

    private init(thresholds: [Double], truePositives: [Double], falsePositives: [Double]) {
        self.thresholds = thresholds
        self.truePositives = truePositives
        self.falsePositives = falsePositives
    }
}
