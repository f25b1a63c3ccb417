/// `score`: a weighted scoring matrix over criteria, with weights given or learned from a target.
package enum ScoreCommand {
    package static let spec = CommandSpec(
        "score", group: .segmentation, summary: "Add a composite score: a weighted sum of scaled criteria, weights by hand or learned from a target.",
        arguments: [.table("table", help: "one row per customer (or other unit)")],
        options: [criteria, target, scale, columnName, SegmentationOptions.missing],
        binding: .replacesSubject,
        details: "Weights are divided by the sum of their absolute values, so they add up to 1. "
            + "With target=, each criterion's weight is its predictive power |AUC − 0.5|·2 (AUC of the raw column "
            + "against the target), divided by the sum of powers; a criterion with AUC below 0.5 counts with lower "
            + "values as better, so the score rises with the target. The powers are measured on the same rows (in-sample). "
            + "The matrix printed shows each criterion's direction, scaling, weight, power and share of the mean score. "
            + "Without 'as NAME' the column is added to the table in place.",
        examples: ["score rfm criteria=\"recency:-0.4, frequency:0.35, monetary:0.25\" scale=quantile as scored",
                   "score rfmc criteria=recency,frequency,monetary target=churned as learned"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        guard let text = parsed[criteria] else {
            throw parsed.error("score needs criteria=", suggestion: "e.g. criteria=\"recency:-0.4, frequency:0.35, monetary:0.25\"")
        }
        let items = try SegmentationOptions.criteria(text, parsed, at: parsed.span(criteria), table: table)
        let target = parsed[Self.target]
        if let target, items.contains(where: { $0.column == target }) {
            throw parsed.error("the target '\(target)' cannot also be a criterion", at: parsed.span(criteria))
        }
        var columns = items.map(\.column)
        if let target { columns.append(target) }
        let (extracted, notes) = try SegmentationOptions.features(table, columns, parsed, allowConstant: target != nil)
        let scaling = parsed[scale]
        let result: ScoringResult
        if let target {
            if let weighted = items.first(where: { $0.weight != nil || $0.direction != nil }) {
                throw parsed.error("with target= the weights and directions are learned; remove ':…' after '\(weighted.column)'",
                                   at: parsed.span(criteria))
            }
            let x = extracted.matrix
            let criteriaOnly = FeatureMatrix(columns: (0..<items.count).map { x.column($0) }, names: items.map(\.column))
            try SegmentationOptions.requireVarying(criteriaOnly)
            result = try ScoringMatrix.learned(criteriaOnly, target: x.column(items.count), scaling: scaling)
        } else {
            try SegmentationOptions.requireVarying(extracted.matrix)
            result = try ScoringMatrix.manual(extracted.matrix, criteria: SegmentationOptions.manualCriteria(items), scaling: scaling)
        }
        let columnName = parsed[Self.columnName]
        var values = [Value](repeating: .missing, count: table.rowCount)
        for (i, row) in extracted.rows.enumerated() { values[row] = .float(result.scores[i]) }
        var out = table
        try out.setColumn(Column.fromValues(name: columnName, type: .float, values: values))
        let name = try ctx.bindResult(out, for: parsed)
        var matrix = SummaryTable([("criterion", .string), ("direction", .string), ("scaling", .string), ("weight", .float),
                                   ("auc", .float), ("power", .float), ("share", .float)])
        for l in result.lines {
            matrix.row([.string(l.criterion), .string(l.direction == .higherIsBetter ? "higher is better" : "lower is better"),
                        .string(l.scaling.rawValue), .float(l.weight), .optional(l.auc), .optional(l.power), .optional(l.share)])
        }
        var output = CommandOutput([.table(matrix.table, title: target.map { "scoring matrix (weights learned from \($0))" }
                                           ?? "scoring matrix", showShape: false)])
        output.blocks += notes
        let method = target == nil ? "weights as given, normalised to sum 1"
            : "weight = power / Σ power, power = |AUC − 0.5|·2 (in-sample)"
        output.append(.note("\(name): \(columnName) = Σ weight × scaled criterion (\(method)); "
                            + "share = part of the mean score\(scaling == .zscore || scaling == .robust || scaling == .log1pZscore ? " (not shown for centred scales)" : "")"))
        return output
    }

    package static let criteria = CommandOption.text("criteria", "column:weight items; a negative weight means lower is better, "
                                             + "e.g. \"recency:-0.4, frequency:0.35, monetary:0.25\". With target= just the columns")
    package static let target = CommandOption.column("target", "a 0/1 column: learn each weight from the criterion's predictive power for it")
    package static let scale = SegmentationOptions.scale(default: .quantile, "how each criterion is scaled before weighting")
    package static let columnName = CommandOption.text("name", default: "score", "the name of the score column")
}
