/// model KIND: Spark ML classifiers (AUC, accuracy) and regressors (RMSE, MAE, R²), cross-validated.
extension SparkTranslator {
    mutating func model(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let name = parsed.resultName, let table = input.workspace.table(parsed.subject ?? ""),
              let target = parsed[ModelInput.target] else { throw SparkUnsupported("model needs target=") }
        if parsed.isGiven(ModelInput.test) { throw SparkUnsupported("model with test= has no Spark mapping yet; folds= does") }
        guard let targetColumn = table.column(target) else { throw SparkUnsupported("no column \(target)") }
        // Strata decided the task when it fitted the model: a bound model knows its positive class.
        var classification = targetColumn.type == .int || targetColumn.type == .bool
        var fittedFeatures: [String]?
        if case .object(let o)? = input.after[name], let fitted = o as? ModelObject {
            classification = fitted.positiveClass != nil
            fittedFeatures = fitted.schema.features.map(\.name)
        }
        // The features Strata chose when it fitted (keys, dates and constant columns left out), so
        // both sides learn from the same columns.
        let features = parsed[ModelInput.features] ?? fittedFeatures
            ?? table.columns.filter { $0.name != target && ($0.type.isNumeric || $0.type == .bool) }.map(\.name)
        let text = features.filter { table.column($0)?.type == .string }
        if !text.isEmpty { throw SparkUnsupported("text features (\(text.joined(separator: ", "))) have no Spark mapping yet") }
        let seed = String(Int64(bitPattern: parsed.seed(ModelKinds.seed, input.workspace.settings) & 0x7FFF_FFFF_FFFF_FFFF))
        let folds = parsed[ModelInput.folds] ?? 5
        let v = SparkPython.variable(name)
        let (estimator, modelNotes) = try Self.estimator(parsed, classification: classification, seed: seed, rows: "\(source)_\(v)_rows",
                                                         bins: "\(v)_bins")
        var notes = ["rows with a missing feature are left out (Spark ML needs complete rows; Strata's trees route missing values)"]
        notes += modelNotes
        let complete = features.map { "F.col(\(SparkPython.string($0))).isNotNull()" }.joined(separator: " & ")
        var code = [
            "\(v)_data = VectorAssembler(inputCols=\(SparkPython.strings(features)), outputCol=\"features\").transform(",
            "    \(source).filter(\(complete) & F.col(\(SparkPython.string(target))).isNotNull())"
                + ".withColumn(\"_label\", F.col(\(SparkPython.string(target))).cast(\"double\")))",
        ]
        if parsed.spec.name == "model logistic" { code.append("\(source)_\(v)_rows = max(\(v)_data.count(), 1)") }
        if ["model tree", "model forest"].contains(parsed.spec.name) {
            helpers.insert(.treeBins)
            code.append("\(v)_bins = exact_bins(\(v)_data, \(SparkPython.strings(features)))")
        }
        if !evaluatedModels.contains(name) { evaluatedModels.append(name) }
        if classification {
            helpers.insert(.classifierQuality)
            code.append("fold_quality(\(SparkPython.string(name)), \(v)_data, \"_label\", \(estimator), \(folds), \(seed))")
            models[name] = SparkModel(kind: .classifier, variable: v)
            notes.append("folds are dealt by Spark's rand(\(seed)), not Strata's stratified folds: AUC is compared within 0.02")
            metricTolerances[name] = (0.02, "cross-validated AUC: other folds and tree algorithms (docs/spark.md)")
        } else {
            helpers.insert(.regressorQuality)
            code.append("regression_fold_quality(\(SparkPython.string(name)), \(v)_data, \"_label\", \(estimator), \(folds), \(seed))")
            models[name] = SparkModel(kind: .regressor, variable: v)
            notes.append("folds are dealt by Spark's rand(\(seed)), not Strata's shuffled folds: RMSE and MAE are compared within "
                         + "5% relative, R² within 0.02 absolute")
            metricTolerances[name] = (0.05, "cross-validated RMSE, MAE, R²: other folds (and for trees, binned splits); 5% relative or 0.02 absolute")
            relativeMetrics.insert(name)
            metricFloors[name] = 0.02
        }
        return SparkBlock(code, notes: notes)
    }

    private static let binsNote = "maxBins is each feature's number of distinct values (at least 32, at most 4,096), so Spark tries "
        + "the splits Strata's trees try (midpoints between neighbouring values); a feature with more values is binned"

    /// The Spark ML estimator for a model kind, and what differs from Strata's.
    private static func estimator(_ parsed: ParsedCommand, classification: Bool, seed: String, rows: String,
                                  bins: String) throws -> (String, [String]) {
        let kind = parsed.spec.name
        var notes: [String] = []
        // Only trees and forests declare depth=: an option is read only by the kinds that have it.
        let trees = ["model tree", "model forest"].contains(kind)
        let depth = trees ? parsed[ModelKinds.depth] ?? 30 : 30
        if trees, parsed[ModelKinds.depth] == nil || depth > 30 {
            notes.append("Spark's trees are at most 30 deep; Strata's unlimited depth becomes 30")
        }
        let label = "labelCol=\"_label\""
        switch (kind, classification) {
        case ("model tree", _):
            if parsed.isGiven(ModelKinds.minSplit) { notes.append("Spark's trees have no min_split: only min_leaf (minInstancesPerNode) is passed") }
            notes.append(Self.binsNote)
            if classification {
                let impurity = parsed[ModelKinds.criterion] == .entropy ? "entropy" : "gini"
                return ("DecisionTreeClassifier(maxDepth=\(min(depth, 30)), maxBins=\(bins), minInstancesPerNode=\(parsed[ModelKinds.minLeaf]), impurity=\"\(impurity)\", \(label), seed=\(seed))", notes)
            }
            return ("DecisionTreeRegressor(maxDepth=\(min(depth, 30)), maxBins=\(bins), minInstancesPerNode=\(parsed[ModelKinds.minLeaf]), \(label), seed=\(seed))", notes)
        case ("model forest", _):
            notes.append(Self.binsNote)
            notes.append("each tree draws its bootstrap sample and feature subsets from Spark's generator, not Strata's")
            let estimator = classification ? "RandomForestClassifier" : "RandomForestRegressor"
            // Strata's max_features=auto is sqrt for classification and all for regression; Spark's auto is onethird for regression.
            let text = parsed[ModelKinds.maxFeatures]
            let subset = text == "auto" ? (classification ? "sqrt" : "all") : text
            return ("\(estimator)(numTrees=\(parsed[ModelKinds.trees]), maxDepth=\(min(depth, 30)), maxBins=\(bins), minInstancesPerNode=\(parsed[ModelKinds.minLeaf]), "
                    + "featureSubsetStrategy=\(SparkPython.string(subset)), \(label), seed=\(seed))", notes)
        case ("model gbm", _):
            notes.append("Spark grows depth-wise trees of depth 5; Strata grows \(parsed[ModelKinds.leaves]) leaves best-first (LightGBM's way)")
            let estimator = classification ? "GBTClassifier" : "GBTRegressor"
            return ("\(estimator)(maxIter=\(parsed[ModelKinds.rounds]), stepSize=\(SparkPython.number(parsed[ModelKinds.learningRate])), maxDepth=5, minInstancesPerNode=\(parsed[ModelKinds.boostMinLeaf]), \(label), seed=\(seed))", notes)
        case ("model logistic", true):
            notes.append("Strata's C penalises ½‖w‖²/C over the summed loss; Spark's regParam the mean loss, so regParam = 1/(C·rows)")
            return ("LogisticRegression(regParam=\(SparkPython.number(1 / parsed[ModelKinds.c])) / \(rows), maxIter=\(parsed[ModelKinds.maxIter]), \(label))", notes)
        case ("model linear", false):
            notes.append("ordinary least squares by the normal equations (solver=\"normal\"), as Strata: the same coefficients")
            return ("LinearRegression(regParam=0.0, elasticNetParam=0.0, solver=\"normal\", \(label))", notes)
        case ("model ridge", false):
            notes.append("Strata's ridge minimises Σ(y − ŷ)² + alpha·‖w‖² on standardised features; Spark's normal-equation solver "
                         + "Σ(y − ŷ)²/(2n) + (regParam/σ_y)·½‖w‖² with the label standardised too (population sd σ_y), so each fold "
                         + "passes regParam = alpha·σ_y/n of its training rows (ridge_reg_param)")
            return ("lambda train: LinearRegression(regParam=ridge_reg_param(train, \"_label\", \(SparkPython.number(parsed[ModelKinds.alpha]))), "
                    + "elasticNetParam=0.0, solver=\"normal\", \(label))", notes)
        default:
            throw SparkUnsupported("\(kind) for a \(classification ? "0/1" : "numeric") target has no Spark mapping")
        }
    }

    mutating func abtest(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let table = input.workspace.table(parsed.subject ?? ""), let variant = parsed[ABTestOptions.variant],
              let metrics = parsed[ABTestOptions.metric] else { throw SparkUnsupported("abtest needs variant= and metric=") }
        let given: [(Bool, String)] = [
            (parsed.isGiven(ABTestOptions.covariate), "covariate= (CUPED)"), (parsed.isGiven(ABTestOptions.denominator), "denominator="),
            (parsed.isGiven(ABTestOptions.by), "by="), (parsed[ABTestOptions.sequential], "sequential=yes"),
            (parsed.isGiven(ABTestOptions.test), "test="), (parsed.isGiven(ABTestOptions.kind), "kind="),
        ]
        if let (_, option) = given.first(where: { $0.0 }) { throw SparkUnsupported("abtest with \(option) has no Spark mapping yet") }
        guard let variants = table.column(variant) else { throw SparkUnsupported("no column \(variant)") }
        let names = Set((0..<table.rowCount).compactMap { i -> String? in
            let v = variants.value(at: i)
            switch v {
            case .string(let s): return s
            case .int(let n): return String(n)
            case .bool(let b): return b ? "True" : "False"
            default: return nil
            }
        }).sorted()
        guard let control = parsed[ABTestOptions.control] ?? names.first else { throw SparkUnsupported("no variants") }
        var code: [String] = []
        var notes = ["raw p-values per comparison: Strata's correction across several variants or metrics (correction=) is not applied here"]
        for metric in metrics {
            guard let column = table.column(metric) else { throw SparkUnsupported("no column \(metric)") }
            let binary = column.type == .bool || (column.type == .int && (0..<table.rowCount).allSatisfy { i in
                let v = column.value(at: i)
                return v.isMissing || v == .int(0) || v == .int(1)
            })
            let name = "abtest_" + metric
            let controlValue = variants.type == .string ? SparkPython.string(control) : control
            let call = "(\(SparkPython.string(name)), \(source), \(SparkPython.string(variant)), \(SparkPython.string(metric)), \(controlValue))"
            if binary {
                helpers.insert(.twoProportion)
                code.append("two_proportion_test" + call)
                notes.append("\(metric): two-proportion z-test with the pooled standard error, two-sided p, from counts")
                metricTolerances[name] = (1e-9, "counts are exact; the z-test is computed from them as Strata does")
            } else {
                helpers.insert(.welch)
                code.append("welch_test" + call)
                metricTolerances[name] = (1e-6, "means and variances summed in another order; the t CDF by the same continued fraction as Strata's")
                notes.insert("\(metric): Welch's t-test from per-variant count, mean and var_samp; the p-value's t CDF is the "
                             + "regularised incomplete beta by Strata's continued fraction (written in the job: no scipy on the cluster), "
                             + "within 1e-13 relative of scipy's betainc", at: 0)
            }
            if !evaluatedModels.contains(name) { evaluatedModels.append(name) }
            relativeMetrics.insert(name)
        }
        return SparkBlock(code, notes: notes)
    }
}
