/// rfm and cluster kmeans: group-bys, rank windows and Spark ML's KMeans.
extension SparkTranslator {
    mutating func rfm(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let name = parsed.resultName, let made = input.resultTable,
              let customer = parsed[RFMCommandOptions.customer], let date = parsed[RFMCommandOptions.date],
              let amount = parsed[RFMCommandOptions.amount] else { throw SparkUnsupported("rfm needs customer=, date= and amount=") }
        if parsed.isGiven(RFMCommandOptions.recencyCuts) || parsed.isGiven(RFMCommandOptions.frequencyCuts) || parsed.isGiven(RFMCommandOptions.monetaryCuts) {
            throw SparkUnsupported("rfm with explicit cut points has no Spark mapping yet; quantile scores do")
        }
        guard parsed[RFMCommandOptions.ties] == .average else { throw SparkUnsupported("rfm ties=\(parsed[RFMCommandOptions.ties].rawValue) has no Spark mapping yet; ties=average does") }
        let bins = parsed[RFMCommandOptions.bins]
        let v = SparkPython.variable(name)
        let (c, d, a) = (SparkPython.string(customer), SparkPython.string(date), SparkPython.string(amount))
        helpers.insert(.quantileScore)
        var code = [
            "\(v)_rows = \(source).filter(F.col(\(c)).isNotNull() & F.col(\(d)).isNotNull() & F.col(\(a)).isNotNull())"
                + ".withColumn(\"_day\", F.to_date(F.col(\(d))))",
        ]
        if let asOf = parsed[RFMCommandOptions.asOf] {
            code.append("\(v)_asof = datetime.date.fromisoformat(\(SparkPython.string(CivilCalendar.formatDate(days: asOf.days))))")
        } else {
            code.append("\(v)_asof = \(v)_rows.agg(F.max(\"_day\")).first()[0] + datetime.timedelta(days=1)  # the day after the last transaction")
        }
        let frequency = parsed[RFMCommandOptions.invoice].map { "F.countDistinct(F.when(F.col(\(SparkPython.string(amount))) >= 0, F.col(\(SparkPython.string($0)))))" }
            ?? "F.count(F.when(F.col(\(a)) >= 0, F.lit(1)))"
        code += [
            "# Returns (negative amounts) lower monetary but are not purchases: they count for neither recency nor frequency.",
            "\(v) = (\(v)_rows.filter(F.col(\"_day\") < F.lit(\(v)_asof)).groupBy(\(c)).agg(",
            "        F.max(F.when(F.col(\(a)) >= 0, F.col(\"_day\"))).alias(\"_last\"),",
            "        \(frequency).alias(\"frequency\"),",
            "        F.sum(F.col(\(a))).alias(\"monetary\"))",
            "    .filter(F.col(\"_last\").isNotNull())",
            "    .withColumn(\"recency\", F.datediff(F.lit(\(v)_asof), F.col(\"_last\"))))",
            "\(v) = quantile_bins(\(v), \"recency\", \(bins), \"r_score\", higher_is_better=False)",
            "\(v) = quantile_bins(\(v), \"frequency\", \(bins), \"f_score\")",
            "\(v) = quantile_bins(\(v), \"monetary\", \(bins), \"m_score\")",
            "\(v) = \(v).withColumn(\"rfm\", F.concat(F.col(\"r_score\").cast(\"string\"), F.col(\"f_score\").cast(\"string\"), F.col(\"m_score\").cast(\"string\")))",
        ]
        if made.column("segment") != nil {
            helpers.insert(.rfmSegments)
            code.append("\(v) = \(v).withColumn(\"segment\", rfm_segment(F.col(\"r_score\"), F.col(\"f_score\"), F.col(\"m_score\")))")
        }
        code.append("\(v) = cast_columns(\(v).select(\(SparkPython.strings(made.columnNames).dropFirst().dropLast())), {"
                    + made.columns.map { "\(SparkPython.string($0.name)): \(SparkPython.string(Self.sparkType($0.type).lowercased()))" }.joined(separator: ", ") + "})")
        produce(.data(name, keys: [customer], kind: .aggregate))
        return SparkBlock(code, notes: ["scores by average rank over all customers: one un-partitioned window, so Spark gathers "
                                        + "the customers (not the transactions) in one task"])
    }

    mutating func kmeans(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let name = parsed.resultName, let table = input.workspace.table(parsed.subject ?? "") else {
            throw SparkUnsupported("cluster kmeans needs a table")
        }
        guard let k = parsed[ClusterKinds.kmeansK] else { throw SparkUnsupported("cluster kmeans needs k=") }
        let columns = parsed[ClusterInput.cols] ?? table.columns.filter { $0.type.isNumeric }.map(\.name)
        let method = parsed[ClusterInput.scale]
        let seed = String(Int64(bitPattern: parsed.seed(ClusterKinds.seed, input.workspace.settings) & 0x7FFF_FFFF_FFFF_FFFF))
        let v = SparkPython.variable(name)
        guard method != .quantile else { throw SparkUnsupported("cluster kmeans scale=quantile has no Spark mapping yet") }
        helpers.insert(.scaling)
        let scaledColumns = columns.map { "_x_" + $0 }
        var code = [
            "\(v)_features = \(source).filter(all_present(\(SparkPython.strings(columns))))",
            "\(v)_scaler = fit_scaler(\(v)_features, \(SparkPython.strings(columns)), \(SparkPython.string(method.rawValue)))",
            "\(v)_features = \(v)_features.withColumns({"
                + columns.map { "\(SparkPython.string("_x_" + $0)): scaled_column(\(SparkPython.string($0)), \(v)_scaler)" }.joined(separator: ", ") + "})",
        ]
        code += [
            "\(v)_features = VectorAssembler(inputCols=\(SparkPython.strings(scaledColumns)), outputCol=\"features\").transform(\(v)_features)",
            "\(v)_model = KMeans(k=\(k), seed=\(seed), maxIter=\(parsed[ClusterKinds.maxIter]), tol=\(SparkPython.number(parsed[ClusterKinds.tol])), initMode=\"k-means||\").fit(\(v)_features)",
            "\(v) = \(v)_model.transform(\(v)_features).withColumnRenamed(\"prediction\", \"cluster\").drop(\"features\", *\(SparkPython.strings(scaledColumns)))",
            "add_metric(\(SparkPython.string(name)), \"inertia\", \(v)_model.summary.trainingCost)",
        ]
        models[name] = SparkModel(kind: .kmeans, variable: v + "_model", training: v + "_features", features: columns)
        if !evaluatedModels.contains(name) { evaluatedModels.append(name) }
        relativeMetrics.insert(name)
        metricTolerances[name] = (0.05, "k-means: Spark's k-means|| start and single run against Strata's best of n_init k-means++ starts; inertia relative")
        var out = SparkOutputTable.data(name, keys: keys(of: parsed.subject))
        out.compare = .rowCount
        out.note = "cluster numbers are arbitrary and the partition may differ: compare the row count; inertia is in evaluation_\(name)"
        produce(out)
        return SparkBlock(code, notes: [
            "Spark's KMeans starts from k-means|| once; Strata keeps the best of n_init=\(parsed[ClusterKinds.nInit]) k-means++ starts, "
                + "so inertia is compared within 5% relative and cluster numbers are not compared",
        ])
    }
}
