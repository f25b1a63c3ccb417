/// scale, pca, assign and migrate: fitted scalers, Spark ML's PCA, a k-means model applied to new
/// rows, and a join counted into a crosstab.
extension SparkTranslator {
    mutating func scale(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let resultName = parsed.resultName, let columns = parsed[ScaleCommand.columns] else {
            throw SparkUnsupported("scale needs cols=")
        }
        let method = parsed[ScaleCommand.scale]
        let lower = parsed[ScaleCommand.lowerIsBetter] ?? []
        let suffix = parsed[ScaleCommand.suffix] ?? "_" + method.rawValue
        helpers.insert(.scaling)
        if method == .quantile { helpers.insert(.quantileScore) }
        let v = SparkPython.variable(resultName)
        let names = "{" + columns.map { "\(SparkPython.string($0)): \(SparkPython.string($0 + suffix))" }.joined(separator: ", ") + "}"
        let code = ["\(v) = scale_table(\(source), \(SparkPython.strings(columns)), \(SparkPython.string(method.rawValue)), "
                    + "\(SparkPython.strings(lower)), \(names), missing=\(SparkPython.string(parsed[SegmentationOptions.missing].rawValue)))"]
        var output = inherited(resultName, from: parsed.subject)
        var notes = ["the scaler is fitted by Spark's aggregates: z-scores use the population sd (stddev_pop), as Strata; "
                     + "robust scaling's quartiles are exact (percentile, linear interpolation)"]
        if method == .quantile {
            output.tolerance = 1e-3
            output.toleranceIsRelative = false
            output.note = "quantile ranks of float values: a value summed in another order can split or join a tie; absolute tolerance 1e-3"
            notes.append("quantile positions are average ranks over all rows: one un-partitioned window per column")
        } else if output.toleranceIsRelative {
            // A value at the mean scales to about 0, where a last-bit difference in the mean is all there is.
            output.absoluteFloor = 1e-12
        }
        produce(output)
        return SparkBlock(code, notes: notes)
    }

    mutating func pca(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let sourceName = parsed.text("source") ?? ""
        guard let resultName = parsed.resultName else { throw SparkUnsupported("pca needs a source") }
        let v = SparkPython.variable(resultName)
        let k = parsed[ProjectionCommands.components]
        helpers.formUnion([.principalComponents, .scaling])
        var code: [String]
        var output: SparkOutputTable
        if let model = models[sourceName] {
            guard model.kind == .kmeans else { throw SparkUnsupported("pca of '\(sourceName)' (\(model.kind.rawValue)): only a k-means clustering or a table maps") }
            let scaled = model.features.map { "_x_" + $0 }
            code = ["\(v) = \(model.variable).transform(\(model.training)).withColumnRenamed(\"prediction\", \"cluster\").drop(\"features\")",
                    "\(v) = principal_components(\(SparkPython.string(resultName)), \(v), \(SparkPython.strings(scaled)), \(k))"]
            output = .data(resultName, keys: self.output(sourceName)?.keys ?? [])
            output.compare = .rowCount
            output.note = "the rows carry Spark's cluster numbers: compare the row count; the components' variance is in evaluation_\(resultName)"
        } else {
            let source = try variable(of: sourceName)
            guard let columns = parsed[ProjectionCommands.cols]?.flatMap({ $0.split(separator: ",").map { String($0).trimmingSpaces } }) else {
                throw SparkUnsupported("pca of a table needs cols=")
            }
            let method = parsed[ProjectionCommands.scale]
            guard method != .quantile else { throw SparkUnsupported("pca scale=quantile has no Spark mapping yet") }
            guard parsed[ClusterInput.missing] != .mean else { throw SparkUnsupported("pca missing=mean has no Spark mapping yet; refuse and drop do") }
            let scaled = columns.map { "_x_" + $0 }
            code = [
                "\(v) = \(source).filter(all_present(\(SparkPython.strings(columns))))",
                "\(v)_scaler = fit_scaler(\(v), \(SparkPython.strings(columns)), \(SparkPython.string(method.rawValue)))",
                "\(v) = \(v).withColumns({" + columns.map { "\(SparkPython.string("_x_" + $0)): scaled_column(\(SparkPython.string($0)), \(v)_scaler)" }
                    .joined(separator: ", ") + "})",
                "\(v) = principal_components(\(SparkPython.string(resultName)), \(v), \(SparkPython.strings(scaled)), \(k))",
            ]
            output = inherited(resultName, from: sourceName)
            output.tolerance = 1e-6
            output.toleranceIsRelative = true
            output.absoluteFloor = 1e-9
            output.note = "principal components: another eigen-solver; both sign each axis so its largest loading is positive; "
                + "1e-6 relative (1e-9 absolute near zero)"
        }
        produce(output)
        if !evaluatedModels.contains(resultName) { evaluatedModels.append(resultName) }
        relativeMetrics.insert(resultName)
        metricTolerances[resultName] = (1e-6, "PCA: explained variance and its ratio from Spark's eigen-solver, relative")
        return SparkBlock(code, notes: [
            "Spark ML's PCA does not centre when it projects: the job centres first, so PC values are Strata's; axes are signed "
                + "as Strata signs them (largest loading positive). Axes of (nearly) equal variance are not unique and may differ",
        ])
    }

    mutating func assign(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let clusteringName = parsed.text("clustering") ?? ""
        let tableName = parsed.text("table") ?? parsed.subject
        guard let model = models[clusteringName], model.kind == .kmeans else {
            throw SparkUnsupported("assign needs a k-means clustering made by an exported command; '\(clusteringName)' is not one")
        }
        let source = try variable(of: tableName)
        guard let resultName = parsed.resultName else { throw SparkUnsupported("assign needs a table") }
        guard parsed[ClusterInput.missing] != .mean else { throw SparkUnsupported("assign missing=mean has no Spark mapping yet; refuse and drop do") }
        helpers.insert(.scaling)
        let v = SparkPython.variable(resultName)
        let scaler = SparkPython.variable(clusteringName) + "_scaler"
        let scaled = model.features.map { "_x_" + $0 }
        let present = "all_present(\(SparkPython.strings(model.features)))"
        let code = [
            "\(v) = \(source).drop(\"cluster\").filter(\(present)).withColumns({"
                + model.features.map { "\(SparkPython.string("_x_" + $0)): scaled_column(\(SparkPython.string($0)), \(scaler))" }.joined(separator: ", ") + "})",
            "\(v) = VectorAssembler(inputCols=\(SparkPython.strings(scaled)), outputCol=\"features\").transform(\(v))",
            "\(v) = \(model.variable).transform(\(v)).withColumnRenamed(\"prediction\", \"cluster\").drop(\"features\", *\(SparkPython.strings(scaled)))",
            "# Rows with a missing feature stay, without a cluster, as in Strata.",
            "\(v) = \(v).unionByName(\(source).drop(\"cluster\").filter(~\(present)).withColumn(\"cluster\", F.lit(None).cast(\"int\")))",
        ]
        var output = SparkOutputTable.data(resultName, keys: keys(of: tableName))
        output.compare = .rowCount
        output.note = "cluster numbers come from Spark's own k-means: compare the row count"
        produce(output)
        return SparkBlock(code, notes: ["rows are scaled with the clustering's fitted scaler (not refitted) and go to the nearest "
                                        + "of Spark's centres, which are not Strata's (k-means|| start)"])
    }

    mutating func migrate(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let afterName = parsed.text("after") ?? ""
        let before = try variable(of: parsed.subject), after = try variable(of: afterName)
        guard let resultName = parsed.resultName, let a = input.workspace.table(parsed.subject ?? ""), let b = input.workspace.table(afterName),
              let on = parsed[MigrateCommand.customer] else { throw SparkUnsupported("migrate needs two tables and on=") }
        let key = try MigrateCommand.pair(MigrateCommand.customer, on, parsed, a, b)
        let segment = try MigrateCommand.pair(MigrateCommand.segment, parsed[MigrateCommand.segment] ?? ["segment"], parsed, a, b)
        for (t, c) in [(a, segment.0), (b, segment.1)] where t.column(c)?.type == .float {
            throw SparkUnsupported("a float segment column ('\(c)') has no Spark mapping: Spark writes 1.0 where Strata labels 1")
        }
        helpers.insert(.migration)
        let v = SparkPython.variable(resultName)
        let code = ["\(v) = migration_counts(\(before), \(after), \(SparkPython.string(key.0)), \(SparkPython.string(key.1)), "
                    + "\(SparkPython.string(segment.0)), \(SparkPython.string(segment.1)))"]
        produce(.data(resultName, keys: ["from"], kind: .aggregate))
        return SparkBlock(code, notes: ["a full outer join on the customer, counted by (first segment, second segment) with a pivot; "
                                        + "counts are exact"])
    }
}
