import StrataEngine

/// `evaluate models M1, M2, …`: every model refitted on the same folds of the same rows, one table,
/// and Nadeau & Bengio's corrected paired t-test between the two best.
package enum EvaluateModelsCommand {
    package static let folds = CommandOption<Int?>.int("folds", in: 2...50, describedAs: "the first model's folds", "cross-validation folds")

    package static let spec = CommandSpec(
        "evaluate models", group: .models, summary: "Compare fitted models on the same cross-validation folds, with a paired test.",
        arguments: [.tables("models", help: "models made by 'model KIND …' on the same table and target, separated by commas")],
        options: [folds, ModelKinds.seed],
        binding: .named { _ in "model_comparison" },
        details: "Each model is refitted with its own settings on the training part of each fold of the first model's table "
            + "(stratified for classifiers; the first model's folds and seed unless folds= or seed= are given) and scored on the "
            + "held-out part. The table has one row per model: the mean over folds of AUC, PR-AUC, log loss and Brier score "
            + "(classifiers) or RMSE, MAE and R² (regressors). Under it, the two best by AUC (or RMSE) are compared fold by fold with "
            + "the plain paired t-test and Nadeau & Bengio's corrected resampled t-test, which allows for the folds sharing "
            + "training rows (trust that one). The table is kept as model_comparison (or 'as NAME').",
        examples: ["evaluate models lr, lr_small"]
    ) { parsed, ctx in
        var models: [(String, ModelObject)] = []
        for (name, span) in parsed.listWithSpans("models") {
            guard case .object(let o)? = ctx.workspace[name], let m = o as? ModelObject else {
                throw parsed.error("'\(name)' is a \(ctx.workspace[name]?.kindName ?? "value"), not a model", at: span,
                                   suggestion: "fit one with 'model logistic TABLE target=COLUMN as NAME'")
            }
            if let first = models.first?.1 {
                guard m.trainingTable == first.trainingTable, m.target == first.target, m.training.rowCount == first.training.rowCount,
                      m.isClassifier == first.isClassifier, m.positiveClass == first.positiveClass else {
                    throw parsed.error("'\(name)' predicts \(m.target) on \(m.trainingTable); '\(models[0].0)' predicts \(first.target) on \(first.trainingTable)",
                                       at: span, suggestion: "compare models fitted on the same table and target")
                }
            }
            models.append((name, m))
        }
        guard let first = models.first?.1 else { throw parsed.error("name at least one model") }
        let seed = parsed.isGiven(ModelKinds.seed) ? parsed.seed(ModelKinds.seed, ctx.workspace.settings) : first.seed
        let k = parsed[folds] ?? first.folds ?? ModelValidation.defaultFolds
        let y = first.trainingTarget
        let labels = y.map { $0 == 1 ? 1 : 0 }
        let foldSet = first.isClassifier ? try Folds.stratified(labels: labels, k: k, seed: seed, classNames: nil)
                                         : try Folds.plain(rowCount: y.count, k: k, seed: seed)
        let scheme = ModelValidation.Scheme.folds(foldSet)
        var results: [(String, ModelValidation)] = []
        for (name, m) in models {
            results.append((name, try ModelValidation.run(scheme, frame: m.training, y: y, classification: m.isClassifier,
                                                          refit: m.refit, context: ctx.run)))
        }
        var t: SummaryTable
        var ranked: [(String, ModelValidation, Double)] = []
        if first.isClassifier {
            let metrics: [ClassificationMetric] = [.auc, .averagePrecision, .logLoss, .brier]
            t = SummaryTable([("model", .string), ("algorithm", .string)] + metrics.map { ($0.rawValue, DataType.float) })
            for ((name, v), (_, m)) in zip(results, models) {
                guard let s = v.cvScores else { continue }
                let means = try metrics.map { metric in try s.perFold(metric).reduce(0, +) / Double(k) }
                t.row([.string(name), .string(m.model.algorithmName)] + means.map(Value.float))
                ranked.append((name, v, means[0]))
            }
            ranked.sort { $0.2 > $1.2 }
        } else {
            let metrics: [RegressionMetric] = [.rmse, .mae, .r2]
            t = SummaryTable([("model", .string), ("algorithm", .string)] + metrics.map { ($0.rawValue, DataType.float) })
            for ((name, v), (_, m)) in zip(results, models) {
                guard let p = v.cvPredictions else { continue }
                let means = try metrics.map { metric in try p.perFold(metric).reduce(0, +) / Double(k) }
                t.row([.string(name), .string(m.model.algorithmName)] + means.map(Value.float))
                ranked.append((name, v, means[0]))
            }
            ranked.sort { $0.2 < $1.2 }
        }
        let table = t.table
        let name = try ctx.bindResult(table, for: parsed)
        let scope = "\(first.isClassifier ? "stratified " : "")\(k)-fold CV (seed \(seed)) on \(Format.count(y.count)) rows of \(first.trainingTable)"
        var out = CommandOutput([.table(table, title: "means over folds, \(scope)", showShape: false)])
        if ranked.count >= 2 {
            let (a, b) = (ranked[0], ranked[1])
            let comparison: FoldComparison
            let metric: String
            if let sa = a.1.cvScores, let sb = b.1.cvScores {
                comparison = try FoldComparison(sa, sb, metric: .auc)
                metric = "AUC"
            } else if let pa = a.1.cvPredictions, let pb = b.1.cvPredictions {
                comparison = try FoldComparison(pa, pb, metric: .rmse)
                metric = "RMSE"
            } else { return out }
            func line(_ test: PairedTTest) -> String {
                test.t.isNaN ? "t undefined (every difference is 0), p = 1"
                    : "t = \(NumberFormatting.significant(test.t, digits: 4)) (df \(test.degreesOfFreedom)), p = \(PairedComparison.pValue(test.pValue))"
            }
            out.append(.text("paired over \(comparison.folds) folds, \(metric): \(a.0) − \(b.0) = \(NumberFormatting.significant(comparison.meanDifference, digits: 4))\n"
                             + "  corrected resampled t-test (Nadeau & Bengio): \(line(comparison.corrected))\n"
                             + "  plain paired t-test (too optimistic: folds share training rows): \(line(comparison.plain))"))
        }
        out.append(.note("\(name): one row per model"))
        return out
    }
}
