import StrataEngine

/// `model report MODEL [on TABLE] show=…`: the charts and tables that judge a fitted model — ROC,
/// precision–recall, lift and gain, calibration, the confusion matrix at a chosen threshold,
/// importance and partial dependence — from its held-out scores (the folds and seed it was fitted
/// with) or from its scores on another table that holds the target.
package enum ModelReportCommand {
    package static let classifierParts = ["roc", "pr", "lift", "gain", "calibration", "confusion", "importance", "pdp"]
    package static let regressorParts = ["residuals", "importance", "pdp"]
    static let classifierDefault = ["roc", "lift", "gain", "calibration", "confusion", "importance"]
    static let regressorDefault = ["residuals", "importance"]

    package static let show = CommandOption<[String]?>.list("show", describedAs: "roc,lift,gain,calibration,confusion,importance (residuals,importance for a regressor)",
        "what to show: roc, pr, lift, gain, calibration, confusion, importance, pdp (regressors: residuals, importance, pdp)")
    package static let threshold = CommandOption.text("threshold", default: "best_f1",
        "the confusion matrix's threshold: best_f1 (the one that maximises F1) or a probability")
    package static let precision = CommandOption<Double?>.number("precision", in: 0...1,
        "or the lowest threshold whose precision is at least this")
    package static let feature = CommandOption<String?>.text("feature", "partial dependence on this feature (adds pdp to show=)")
    package static let repeats = CommandOption.int("repeats", in: 1...100, default: 5, "shuffles per feature for permutation importance")

    package static let spec = CommandSpec(
        "model report", group: .models, summary: "Judge a fitted model: ROC, PR, lift, gain, calibration, confusion, importance, partial dependence.",
        arguments: [.value("model", help: "a model made by 'model KIND …'"),
                    .optional([.keyword("on"), .table("table", help: "score this table instead (it must hold the target)")])],
        options: [show, threshold, precision, feature, repeats],
        binding: .none,
        details: "Without 'on TABLE' the report uses the model's held-out scores: every training row scored by the fold model "
            + "that did not see it, on the same folds and seed as when the model was fitted (or its test share), pooled; "
            + "with it, the fitted model's scores on TABLE. Classifiers: the ROC and precision–recall curves, cumulative gain "
            + "(line charts), lift by decile (bars, with the table), calibration (mean predicted against observed rate in ten "
            + "equal-width bins, with the table), and the confusion matrix with accuracy, precision, recall and F1 at "
            + "threshold= (best_f1 by default, or a probability) or at the lowest threshold meeting precision=. Regressors: "
            + "RMSE, MAE, R² and the residuals' spread. Both: importance — the model's own impurity/gain importance when it "
            + "has one, and permutation importance (the drop in AUC, or rise in RMSE, when a feature is shuffled; repeats= "
            + "times, seeded with the model's seed) on the scored rows, using the model fitted on all rows — and, with "
            + "feature=, partial dependence (the average prediction as that feature is set to each value of a grid). "
            + "Nothing is bound.",
        examples: ["model report lr show=roc,lift,calibration,confusion",
                   "model report lr show=confusion,importance,pdp precision=0.5 feature=support_calls"]
    ) { parsed, ctx in try run(parsed, &ctx) }

    private static func run(_ parsed: ParsedCommand, _ ctx: inout CommandContext) throws -> CommandOutput {
        let m = try PredictCommand.lookup(parsed, ctx)
        let modelName = parsed.text("model") ?? "model"
        let parts = try wanted(parsed, m)
        let scores: ModelScores
        do {
            if let tableName = parsed.subject {
                scores = try ModelScores.onTable(m, table: try ctx.subjectTable(parsed), tableName: tableName)
            } else {
                scores = try ModelScores.heldOut(m, context: ctx.run)
            }
        } catch let e as EngineError {
            throw parsed.error(e.message, at: parsed.subject == nil ? parsed.span("model") : parsed.span("table"), suggestion: e.suggestion)
        }
        var out = CommandOutput([.note("\(modelName): \(m.model.algorithmName) predicting "
                                       + (m.positiveClass.map { "\(m.target) = \($0)" } ?? m.target) + "; scores: \(scores.source)")])
        if m.isClassifier {
            out.blocks += try classifierBlocks(parsed, m, scores, parts: parts)
        } else if parts.contains("residuals") {
            out.append(.table(try ModelReportCharts.residuals(actual: scores.actual, predicted: scores.predicted),
                              title: "residuals (actual − predicted)", showShape: false))
        }
        if parts.contains("importance") { out.blocks += try importanceBlocks(parsed, m, scores, context: ctx.run) }
        if parts.contains("pdp") { out.blocks += try partialDependenceBlocks(parsed, m, scores, context: ctx.run) }
        return out
    }

    /// The parts asked for, checked against what the model's task allows.
    static func wanted(_ parsed: ParsedCommand, _ m: ModelObject) throws -> [String] {
        let allowed = m.isClassifier ? classifierParts : regressorParts
        var parts = parsed[show]?.map { $0.lowercased() } ?? (m.isClassifier ? classifierDefault : regressorDefault)
        for p in parts where !allowed.contains(p) {
            throw parsed.error("a \(m.isClassifier ? "classifier" : "regressor")'s report cannot show '\(p)'", at: parsed.span(show),
                               suggestion: "show one or more of: " + allowed.joined(separator: ", "))
        }
        if parsed[feature] != nil, !parts.contains("pdp") { parts.append("pdp") }
        if parts.contains("pdp"), parsed[feature] == nil {
            throw parsed.error("pdp needs feature=COLUMN", at: parsed.span(show), suggestion: "features: " + m.featureColumns.joined(separator: ", "))
        }
        if parsed.isGiven(threshold), parsed.isGiven(precision) {
            throw parsed.error("give threshold= or precision=, not both", at: parsed.span(precision))
        }
        return parts
    }

    private static func classifierBlocks(_ parsed: ParsedCommand, _ m: ModelObject, _ s: ModelScores, parts: [String]) throws -> [OutputBlock] {
        let outcomes = try s.outcomes()
        guard outcomes.positiveCount > 0, outcomes.negativeCount > 0 else {
            throw parsed.error("the scored rows have only one class of \(m.target), so there is no curve to draw",
                               at: parsed.subject == nil ? parsed.span("model") : parsed.span("table"),
                               suggestion: "score a table with both classes")
        }
        var blocks: [OutputBlock] = []
        let positiveRate = Double(outcomes.positiveCount) / Double(outcomes.count)
        if parts.contains("roc") { blocks.append(.chart(ModelReportCharts.roc(try ROCCurve(outcomes)))) }
        if parts.contains("pr") {
            blocks.append(.chart(ModelReportCharts.precisionRecall(try PrecisionRecallCurve(outcomes), positiveRate: positiveRate)))
        }
        if parts.contains("lift") || parts.contains("gain") {
            let lift = try LiftTable(outcomes)
            if parts.contains("lift") {
                blocks.append(.table(ModelReportCharts.liftTable(lift), title: "lift by decile (overall rate \(ModelReportCharts.percent(lift.overallRate)))", showShape: false))
                blocks.append(.chart(ModelReportCharts.liftBars(lift)))
            }
            if parts.contains("gain") { blocks.append(.chart(ModelReportCharts.gain(lift, rowCount: outcomes.count))) }
        }
        if parts.contains("calibration") {
            let curve = try CalibrationCurve(outcomes)
            blocks.append(.table(ModelReportCharts.calibrationTable(curve), title: "calibration bins", showShape: false))
            blocks.append(.chart(ModelReportCharts.calibration(curve)))
        }
        if parts.contains("confusion") {
            let (matrix, how) = try confusion(parsed, outcomes)
            let (counts, figures) = ModelReportCharts.confusion(matrix, positive: m.positiveClass ?? "1")
            blocks.append(.table(counts, title: "confusion matrix at threshold \(DescribeFormat.number(matrix.threshold)) (\(how))", showShape: false))
            blocks.append(.table(figures, title: "at threshold \(DescribeFormat.number(matrix.threshold))", showShape: false))
        }
        return blocks
    }

    /// The confusion matrix at threshold= or precision=, and how the threshold was chosen.
    static func confusion(_ parsed: ParsedCommand, _ outcomes: BinaryOutcomes) throws -> (ConfusionMatrix, String) {
        if let p = parsed[precision] {
            guard let m = try ThresholdChoice.lowestMeetingPrecision(outcomes, precision: p) else {
                throw parsed.error("no threshold reaches precision \(DescribeFormat.number(p))", at: parsed.span(precision),
                                   suggestion: "ask for a lower precision, or use threshold=best_f1")
            }
            return (m, "the lowest with precision ≥ \(DescribeFormat.number(p))")
        }
        let text = parsed[threshold].lowercased()
        if text == "best_f1" { return (try ThresholdChoice.maximizingF1(outcomes), "the one that maximises F1") }
        guard let t = Double(text), t >= 0, t <= 1 else {
            throw parsed.error("threshold must be best_f1 or a probability from 0 to 1, not '\(parsed[threshold])'",
                               at: parsed.span(threshold),
                               suggestion: text.contains("f1") ? "threshold=best_f1" : "e.g. threshold=0.3, or threshold=best_f1")
        }
        return (try ConfusionMatrix(outcomes, threshold: t), "as given")
    }

    private static func importanceBlocks(_ parsed: ParsedCommand, _ m: ModelObject, _ s: ModelScores, context: RunContext) throws -> [OutputBlock] {
        var blocks: [OutputBlock] = []
        if let own = m.model.featureImportances, own.count == m.featureColumns.count {
            let total = own.reduce(0, +)
            let shares = own.map { total > 0 ? $0 / total : 0 }
            blocks.append(.chart(ModelReportCharts.importance(Array(zip(m.featureColumns, shares)),
                                                              title: "\(m.title): its own importance (share of the total, from training)",
                                                              valueLabel: "share")))
        }
        let model = m.model
        let actual = s.actual
        let permutation: PermutationImportance
        let what: String
        if m.isClassifier {
            let isPositive = actual.map { $0 == 1 }
            permutation = try PermutationImportance.compute(frame: s.frame, repeats: parsed[repeats], seed: m.seed, higherIsBetter: true,
                                                            context: context) { x in
                try ClassificationMetrics.rocAUC(BinaryOutcomes(scores: model.predict(x), isPositive: isPositive))
            }
            what = "drop in AUC"
        } else {
            permutation = try PermutationImportance.compute(frame: s.frame, repeats: parsed[repeats], seed: m.seed, higherIsBetter: false,
                                                            context: context) { x in
                try RegressionMetrics(actual: actual, predicted: model.predict(x)).rmse
            }
            what = "rise in RMSE"
        }
        blocks.append(.table(ModelReportCharts.permutationTable(permutation),
                             title: "permutation importance: \(what) when shuffled (\(permutation.repeats) repeats, seed \(permutation.seed); "
                                 + "baseline \(DescribeFormat.number(permutation.baseline)))", showShape: false))
        blocks.append(.chart(ModelReportCharts.importance(permutation.features.map { ($0.name, $0.mean) },
                                                          title: "permutation importance (\(what))", valueLabel: what)))
        if parsed.subject == nil {
            blocks.append(.note("permutation importance uses the model fitted on all rows, scored on its own training rows"))
        }
        return blocks
    }

    private static func partialDependenceBlocks(_ parsed: ParsedCommand, _ m: ModelObject, _ s: ModelScores, context: RunContext) throws -> [OutputBlock] {
        let name = parsed[feature] ?? ""
        guard let index = s.frame.featureNames.firstIndex(of: name) else {
            throw parsed.error("'\(name)' is not one of \(m.title)'s features", at: parsed.span(feature),
                               suggestion: Suggestions.didYouMean(name, among: m.featureColumns) ?? "features: " + m.featureColumns.joined(separator: ", "))
        }
        let model = m.model
        let pd = try PartialDependence.compute(frame: s.frame, feature: index, context: context) { try model.predict($0) }
        let scale = m.isClassifier ? "probability of \(m.target) = \(m.positiveClass ?? "1")" : "predicted \(m.target)"
        return [.table(ModelReportCharts.partialDependenceTable(pd), title: "partial dependence on \(name)", showShape: false),
                .chart(ModelReportCharts.partialDependence(pd, scale: scale))]
    }
}
