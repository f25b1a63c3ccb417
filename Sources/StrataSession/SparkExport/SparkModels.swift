/// model forest|gbm|logistic: Spark ML classifiers scored by cross-validated AUC and accuracy.
extension SparkTranslator {
    mutating func model(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let name = parsed.resultName, let table = input.workspace.table(parsed.subject ?? ""),
              let target = parsed[ModelInput.target] else { throw SparkUnsupported("model needs target=") }
        if parsed.isGiven(ModelInput.test) { throw SparkUnsupported("model with test= has no Spark mapping yet; folds= does") }
        guard let targetColumn = table.column(target), targetColumn.type == .int || targetColumn.type == .bool else {
            throw SparkUnsupported("Spark's classifiers here take a 0/1 target; '\(target)' is not one (regression is not mapped yet)")
        }
        let features = parsed[ModelInput.features] ?? table.columns.filter { $0.name != target && ($0.type.isNumeric || $0.type == .bool) }.map(\.name)
        let text = features.filter { table.column($0)?.type == .string }
        if !text.isEmpty { throw SparkUnsupported("text features (\(text.joined(separator: ", "))) have no Spark mapping yet") }
        let seed = String(Int64(bitPattern: parsed.seed(ModelKinds.seed, input.workspace.settings) & 0x7FFF_FFFF_FFFF_FFFF))
        let folds = parsed[ModelInput.folds] ?? 5
        let estimator: String
        var notes = ["rows with a missing feature are left out (Spark ML needs complete rows; Strata's trees route missing values)",
                     "folds are dealt by Spark's rand(\(seed)), not Strata's stratified folds: AUC is compared within 0.02"]
        switch parsed.spec.name {
        case "model forest":
            let depth = parsed[ModelKinds.depth] ?? 30
            estimator = "RandomForestClassifier(numTrees=\(parsed[ModelKinds.trees]), maxDepth=\(min(depth, 30)), minInstancesPerNode=\(parsed[ModelKinds.minLeaf]), labelCol=\"_label\", seed=\(seed))"
            if parsed[ModelKinds.depth] == nil || depth > 30 { notes.append("Spark's trees are at most 30 deep; Strata's unlimited depth becomes 30") }
            notes.append("Spark bins each feature into 32 values before splitting; Strata's forest splits on exact values")
        case "model gbm":
            estimator = "GBTClassifier(maxIter=\(parsed[ModelKinds.rounds]), stepSize=\(SparkPython.number(parsed[ModelKinds.learningRate])), maxDepth=5, minInstancesPerNode=\(parsed[ModelKinds.boostMinLeaf]), labelCol=\"_label\", seed=\(seed))"
            notes.append("Spark grows depth-wise trees of depth 5; Strata grows \(parsed[ModelKinds.leaves]) leaves best-first (LightGBM's way)")
        default:
            estimator = "LogisticRegression(regParam=\(SparkPython.number(1 / parsed[ModelKinds.c])) / \(source)_\(SparkPython.variable(name))_rows, maxIter=\(parsed[ModelKinds.maxIter]), labelCol=\"_label\")"
            notes.append("Strata's C penalises ½‖w‖²/C over the summed loss; Spark's regParam the mean loss, so regParam = 1/(C·rows)")
        }
        helpers.insert(.classifierQuality)
        let v = SparkPython.variable(name)
        let complete = features.map { "F.col(\(SparkPython.string($0))).isNotNull()" }.joined(separator: " & ")
        var code = [
            "\(v)_data = VectorAssembler(inputCols=\(SparkPython.strings(features)), outputCol=\"features\").transform(",
            "    \(source).filter(\(complete) & F.col(\(SparkPython.string(target))).isNotNull())"
                + ".withColumn(\"_label\", F.col(\(SparkPython.string(target))).cast(\"double\")))",
        ]
        if parsed.spec.name == "model logistic" { code.append("\(source)_\(v)_rows = max(\(v)_data.count(), 1)") }
        code.append("fold_quality(\(SparkPython.string(name)), \(v)_data, \"_label\", \(estimator), \(folds), \(seed))")
        models[name] = SparkModel(kind: .classifier, variable: v)
        if !evaluatedModels.contains(name) { evaluatedModels.append(name) }
        metricTolerances[name] = (0.02, "cross-validated AUC: other folds and tree algorithms (docs/spark.md)")
        return SparkBlock(code, notes: notes)
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
        for metric in metrics {
            guard let column = table.column(metric) else { throw SparkUnsupported("no column \(metric)") }
            let binary = column.type == .bool || (column.type == .int && (0..<table.rowCount).allSatisfy { i in
                let v = column.value(at: i)
                return v.isMissing || v == .int(0) || v == .int(1)
            })
            guard binary else {
                throw SparkUnsupported("abtest on a continuous metric (\(metric)) has no Spark mapping yet; 0/1 conversions do")
            }
            helpers.insert(.twoProportion)
            let name = "abtest_" + metric
            let controlValue = variants.type == .string ? SparkPython.string(control) : control
            code.append("two_proportion_test(\(SparkPython.string(name)), \(source), \(SparkPython.string(variant)), \(SparkPython.string(metric)), \(controlValue))")
            if !evaluatedModels.contains(name) { evaluatedModels.append(name) }
            metricTolerances[name] = (1e-9, "counts are exact; the z-test is computed from them as Strata does")
            relativeMetrics.insert(name)
        }
        return SparkBlock(code, notes: ["two-proportion z-test with the pooled standard error, two-sided p; Strata's Holm correction "
                                        + "across several variants is not applied here"])
    }
}
