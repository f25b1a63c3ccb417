/// score (hand-given weights) and segment (tiers): scaled columns, a weighted sum, quantile cuts.
extension SparkTranslator {
    /// `column scaled` code for the methods that map; `lowerIsBetter` flips it as Strata does
    /// (1 − v for methods into [0, 1], −v otherwise).
    private func scaledColumn(_ table: String, _ column: String, _ method: ScalingMethod, lowerIsBetter: Bool,
                              into target: String) throws -> [String] {
        let c = SparkPython.string(column), t = SparkPython.string(target)
        var code: [String]
        switch method {
        case .quantile:
            code = ["\(table) = quantile_scaled(\(table), \(c)).withColumnRenamed(\"_scaled\", \(t))"]
        case .minmax:
            code = ["lo, hi = \(table).agg(F.min(\(c)), F.max(\(c))).first()",
                    "\(table) = \(table).withColumn(\(t), (F.col(\(c)) - lo) / ((hi - lo) or 1.0))"]
        case .zscore:
            code = ["mean, sd = \(table).agg(F.avg(\(c)), F.stddev_pop(\(c))).first()",
                    "\(table) = \(table).withColumn(\(t), (F.col(\(c)) - mean) / (sd or 1.0))"]
        default:
            throw SparkUnsupported("scaling \(method.rawValue) has no Spark mapping yet; quantile, minmax and zscore do")
        }
        if lowerIsBetter {
            let flipped = method == .zscore ? "-F.col(\(t))" : "1 - F.col(\(t))"
            code.append("\(table) = \(table).withColumn(\(t), \(flipped))")
        }
        return code
    }

    mutating func score(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let resultName = parsed.resultName, let table = input.workspace.table(parsed.subject ?? ""),
              let text = parsed[ScoreCommand.criteria] else { throw SparkUnsupported("score needs criteria=") }
        let items = try SegmentationOptions.criteria(text, parsed, at: parsed.span(ScoreCommand.criteria), table: table)
        let total = items.reduce(0.0) { $0 + abs($1.weight ?? 1) }
        let v = SparkPython.variable(resultName)
        let method = parsed[ScoreCommand.scale]
        if method == .quantile { helpers.insert(.quantileScore) }
        var code = ["\(v) = \(source)"]
        var terms: [String] = []
        var notes = ["weights normalised to sum 1 (by absolute value), as Strata; the sign gives the direction"]
        let target = parsed[ScoreCommand.target]
        if let target {
            // The weights come from the data, so the job learns them as Strata does, on the rows with every value present.
            helpers.formUnion([.learnedWeights, .scaling])
            code.append("\(v)_weights, \(v)_lower = learned_weights(\(source).filter(all_present(\(SparkPython.strings(items.map(\.column) + [target])))), "
                        + "\(SparkPython.strings(items.map(\.column))), \(SparkPython.string(target)))")
            notes = ["weights learned as Strata learns them: |AUC − 0.5|·2 of each raw criterion against \(target) (exact Mann–Whitney "
                     + "AUC with average ranks, not BinaryClassificationEvaluator's 1,000 bins), divided by their sum; AUC < 0.5 flips the criterion"]
        }
        for (i, item) in items.enumerated() {
            let scaled = "_s\(i)"
            code += try scaledColumn(v, item.column, method, lowerIsBetter: (item.direction ?? .higherIsBetter) == .lowerIsBetter, into: scaled)
            if target != nil {
                let flipped = method == .zscore ? "-F.col(\"\(scaled)\")" : "1 - F.col(\"\(scaled)\")"
                code.append("\(v) = \(v).withColumn(\"\(scaled)\", \(flipped) if \(SparkPython.string(item.column)) in \(v)_lower else F.col(\"\(scaled)\"))")
                terms.append("\(v)_weights[\(i)] * F.col(\"\(scaled)\")")
            } else {
                terms.append("\(SparkPython.number(abs(item.weight ?? 1) / total)) * F.col(\"\(scaled)\")")
            }
        }
        let name = parsed[ScoreCommand.columnName]
        code.append("\(v) = \(v).withColumn(\(SparkPython.string(name)), " + terms.joined(separator: " + ") + ")")
        code.append("\(v) = \(v).drop(" + items.indices.map { "\"_s\($0)\"" }.joined(separator: ", ") + ")")
        var output = inherited(resultName, from: parsed.subject)
        if method == .quantile {
            // Ranks of float totals: a group's total summed in another order can differ in its last
            // bit, so values that tie in one engine may not in the other, moving an average rank by a
            // few places (weight × places / (n − 1) on the score).
            output.tolerance = 1e-3
            output.toleranceIsRelative = false
            output.note = "quantile ranks of float totals: totals summed in another order can split or join a tie, "
                + "moving a score by a few rank places; absolute tolerance 1e-3"
        }
        produce(output)
        if method != .quantile, output.toleranceIsRelative { output.absoluteFloor = 1e-12 }
        return SparkBlock(code, notes: notes)
    }

    mutating func segment(_ input: SparkCommandInput) throws -> SparkBlock {
        let parsed = input.parsed
        let source = try variable(of: parsed.subject)
        guard let resultName = parsed.resultName, let column = parsed.list("column").first else { throw SparkUnsupported("segment needs a column") }
        let v = SparkPython.variable(resultName)
        let c = SparkPython.string(column)
        var code: [String] = []
        let count: Int
        if let tiers = parsed[SegmentCommand.tiers] {
            count = tiers
            let fractions = (1..<tiers).map { SparkPython.number(Double($0) / Double(tiers)) }
            // Spark's percentile is exact with linear interpolation, as Strata's quantile cuts.
            code.append("\(v)_cuts = \(source).agg(F.percentile(\(c), [\(fractions.joined(separator: ", "))])).first()[0]")
        } else if let cuts = try SegmentationOptions.numbers(SegmentCommand.thresholds, parsed) {
            count = cuts.count + 1
            code.append("\(v)_cuts = [\(cuts.map(SparkPython.number).joined(separator: ", "))]")
        } else {
            throw SparkUnsupported("segment needs tiers= or thresholds=")
        }
        let labels = SegmentationOptions.words(SegmentCommand.labels, parsed) ?? (1...count).map { "T\($0)" }
        // A value equal to a cut goes to the tier above it; a missing value gets no tier.
        code += [
            "\(v)_labels = \(SparkPython.strings(labels))",
            "\(v)_tier = F.lit(\(v)_labels[0])",
            "for cut, label in zip(\(v)_cuts, \(v)_labels[1:]):",
            "    \(v)_tier = F.when(F.col(\(c)) >= cut, F.lit(label)).otherwise(\(v)_tier)",
            "\(v) = \(source).withColumn(\(SparkPython.string(parsed[SegmentCommand.columnName])), F.when(F.col(\(c)).isNotNull(), \(v)_tier))",
        ]
        produce(inherited(resultName, from: parsed.subject))
        return SparkBlock(code)
    }
}
