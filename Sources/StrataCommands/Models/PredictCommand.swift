import StrataEngine

/// `predict MODEL TABLE`: the model's probability (or value) for each row, with the top reasons.
package enum PredictCommand {
    package static let column = CommandOption<String?>.text("name", describedAs: "p_TARGET or TARGET_pred", "the name of the prediction column")
    package static let explain = CommandOption.int("explain", in: 0...20, default: 0,
                                                   "add reason_1..N: each row's N largest contributions, signed (models that explain predictions)")

    package static let spec = CommandSpec(
        "predict", group: .models, summary: "Add a model's predicted probability (or value) to a table, with each row's top reasons.",
        arguments: [.value("model", help: "a model made by 'model KIND …'"), .table("table", help: "rows with the model's feature columns")],
        options: [column, explain],
        binding: .replacesSubject,
        details: "Adds p_TARGET (the positive class's probability) for a classifier, or TARGET_pred for a regressor. With explain=N "
            + "it adds reason_1..reason_N, each 'feature = value: +contribution', sorted by size: the contributions (log-odds for "
            + "logistic regression) add up, with the model's average, to the row's score exactly. A text level not seen in training "
            + "is treated as missing, and counted. Without 'as NAME' the columns are added to the table in place. Cut the "
            + "probabilities into tiers with 'segment TABLE by p_TARGET thresholds=…'.",
        examples: ["predict lr customers explain=3 as scored_customers", "predict lr few name=risk"]
    ) { parsed, ctx in
        let model = try lookup(parsed, ctx)
        let table = try ctx.subjectTable(parsed)
        let tableName = parsed.subject ?? "table"
        let aligned: AlignedFrame
        do {
            aligned = try ModelInput.predictionFrame(table, schema: model.schema, tableName: tableName)
        } catch let e as EngineError {
            throw parsed.error(e.message, at: parsed.span("table"), suggestion: "the model's features: " + model.featureColumns.joined(separator: ", "))
        }
        let predicted = try model.model.predict(aligned.frame)
        let predictionName = parsed[column] ?? model.predictionColumn
        var out = table
        try out.setColumn(Column(name: predictionName, data: .float(predicted)))
        let n = parsed[explain]
        var notes: [OutputBlock] = []
        if n > 0 {
            guard let explainer = model.model.explainer else {
                throw parsed.error("\(model.title) does not give per-row contributions", at: parsed.span(explain),
                                   suggestion: "leave out explain=, or use a kind that explains (logistic, linear, ridge)")
            }
            let contributions = try explainer.contributions(aligned.frame)
            for r in reasonColumns(contributions, table: table, features: model.featureColumns, count: n) { try out.setColumn(r) }
            notes.append(.note("reasons on the \(explainer.scale) scale: average \(NumberFormatting.significant(explainer.expectedValue, digits: 4)) "
                               + "plus a row's contributions gives its \(explainer.scale)"))
        }
        let name = try ctx.bindResult(out, for: parsed)
        var output = CommandOutput([.note("\(name): \(predictionName) from \(model.model.algorithmName) for \(Format.count(table.rowCount)) rows"
                                          + (n > 0 ? ", with reason_1..reason_\(n)" : ""))])
        let shown = out.takingRows(Array(0..<min(5, out.rowCount)))
        if let preview = try? shown.selecting(Array(([table.columnNames.first].compactMap { $0 } + [predictionName]
                                                    + (n > 0 ? (1...n).map { "reason_\($0)" } : [])).uniqued())) {
            output.append(.table(preview, title: "first rows", showShape: false))
        }
        output.blocks += notes
        for (feature, count) in aligned.unseenLevels.sorted(by: { $0.key < $1.key }) {
            output.append(.warning("\(feature): \(Format.count(count)) rows have a value not seen in training, treated as missing"))
        }
        return output
    }

    package static func lookup(_ parsed: ParsedCommand, _ ctx: CommandContext, slot: String = "model") throws -> ModelObject {
        let name = parsed.text(slot) ?? ""
        let models = ctx.workspace.names.filter { n in
            if case .object(let o)? = ctx.workspace[n], o is ModelObject { return true }
            return false
        }
        let hint = Suggestions.didYouMean(name, among: models)
            ?? (models.isEmpty ? "fit one first, e.g. model logistic customers target=churned as lr" : "models: " + models.joined(separator: ", "))
        guard let value = ctx.workspace[name] else { throw parsed.error("no model '\(name)'", at: parsed.span(slot), suggestion: hint) }
        guard case .object(let object) = value, let model = object as? ModelObject else {
            throw parsed.error("'\(name)' is a \(value.kindName), not a model", at: parsed.span(slot), suggestion: hint)
        }
        return model
    }

    /// reason_1..N: "feature = value: +contribution", largest |contribution| first.
    static func reasonColumns(_ contributions: [[Double]], table: Table, features: [String], count: Int) -> [Column] {
        let columns = features.map { table.column($0) }
        var reasons = [[Value]](repeating: [], count: count)
        for (row, c) in contributions.enumerated() {
            let order = c.indices.sorted { abs(c[$0]) != abs(c[$1]) ? abs(c[$0]) > abs(c[$1]) : $0 < $1 }
            for k in 0..<count {
                guard k < order.count else { reasons[k].append(.missing); continue }
                let f = order[k]
                let value = columns[f].map { $0.isMissing(row) ? "(missing)" : ModelInput.text($0.value(at: row)) } ?? ""
                let v = c[f]
                reasons[k].append(.string("\(features[f]) = \(value): \(v >= 0 ? "+" : "−")\(NumberFormatting.significant(abs(v), digits: 3))"))
            }
        }
        return (0..<count).map { Column.fromValues(name: "reason_\($0 + 1)", type: .string, values: reasons[$0]) }
    }
}

private extension Array where Element == String {
    func uniqued() -> [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
