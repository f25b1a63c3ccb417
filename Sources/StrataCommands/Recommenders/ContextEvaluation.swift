import StrataEngine

/// `evaluate … bycontext=device|hour`: the metrics per device or per hour band. The test rows are
/// split by their context; each group is scored as a test set of its own, and a context-aware
/// model (postfilter=yes, fm) is asked in that group's context while the others rank as always.
package enum ContextEvaluation {
    package enum Breakdown: String, OptionChoice {
        case device
        case hour
    }

    package static let option = CommandOption<Breakdown?>.choice(
        "bycontext", describedAs: "none",
        "metrics per device or per hour band (test table's device / hour column): context-aware models ranked in each context")

    package static func breakdown(_ p: ParsedCommand, table: Table, models: [(name: String, model: any Recommender)],
                                  options: EvaluationOptions, _ ctx: CommandContext) throws -> CommandOutput? {
        guard let breakdown = p[option] else { return nil }
        guard options.cutoffs.count == 1 else {
            throw p.error("bycontext= breaks down one list length; k=\(options.cutoffs[0])..\(options.cutoffs[options.cutoffs.count - 1]) gives several",
                          at: p.span(option), suggestion: "use a single k with bycontext=")
        }
        let wanted = breakdown.rawValue
        guard let column = table.columnNames.first(where: { $0.lowercased() == wanted }) else {
            throw p.error("the test table has no \(wanted) column to break the metrics down by", at: p.span(option),
                          suggestion: "columns: " + table.columnNames.joined(separator: ", "))
        }
        let dimension: ContextGroups.Dimension = breakdown == .device ? .device(column: column) : .hour(column: column)
        let split = try ContextGroups.split(table, by: dimension)
        var contextColumn: [String] = [], modelColumn: [String] = [], users: [Int64] = [], asked: [String] = []
        var values: [[Double?]] = options.metrics.map { _ in [] }
        for group in split.groups {
            let test = try InteractionOptions.build(p, table: group.rows, context: ctx.run).interactions
            for (name, model) in models {
                let scored: any Recommender
                if let aware = model.contextAware {
                    let resolved = aware.contextVocabulary.resolve(group.request)
                    scored = aware.fixed(in: resolved)
                    asked.append(resolved.isEmpty ? "no (unseen)" : "yes")
                } else {
                    scored = model
                    asked.append("no")
                }
                let result = try RecommenderEvaluator.evaluate(scored, test: test, options: options, context: ctx.run)[0]
                contextColumn.append(group.label)
                modelColumn.append(name)
                users.append(Int64(result.counts.evaluatedUsers))
                for (j, m) in options.metrics.enumerated() { values[j].append(result.value(m)) }
            }
        }
        let k = options.cutoffs[0]
        var columns = [EvaluationTables.textColumn(wanted, contextColumn), EvaluationTables.textColumn("model", modelColumn),
                       EvaluationTables.textColumn("in context", asked), Column(name: "users", data: .int(users))]
        for (j, m) in options.metrics.enumerated() { columns.append(EvaluationTables.numberColumn(m.heading(k: k), values[j])) }
        var out = CommandOutput([.table(try Table(columns: columns), title: "by \(wanted)", showShape: false)])
        out.append(.note("by \(wanted): each group's test rows scored on their own; 'in context' says whether the model ranked in that "
                         + "\(wanted) (postfilter=yes and fm models do)"
                         + (split.missing > 0 ? "; \(Format.count(split.missing)) test rows with no \(wanted) left out" : "")))
        return out
    }
}
