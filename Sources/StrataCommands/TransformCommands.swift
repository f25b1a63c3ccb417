/// Commands that make a new table from one or two tables: filter, derive, sort, group, join, sample.
package enum TransformCommands {
    package static let all: [CommandSpec] = [filter, derive, sort, group, join, sample]

    package static let filter = CommandSpec(
        "filter", group: .transform, summary: "Keep the rows where a condition holds.",
        arguments: [.table("table", help: "the source table"), .keyword("where"),
                    .condition("condition", help: "a true/false expression; rows where it is missing are dropped")],
        binding: .replacesSubject,
        details: "Without 'as NAME' the table is changed in place. See docs/language.md for expressions.",
        examples: ["filter tx where quantity > 0 and unit_price > 0 as sales",
                   "filter tx where country in (\"GB\", \"NL\") and customer_id is not missing as known"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let expr = try parsed.condition("condition")
        let evaluator = ExpressionEvaluator(table: table, tableName: parsed.subject ?? "", context: ctx.run)
        let mask = try evaluator.filterMask(expr)
        let result = try table.filtering(mask: mask.keep)
        let name = try ctx.bindResult(result, for: parsed)
        var out = CommandOutput.note("\(name): kept \(Format.count(result.rowCount)) of \(Format.count(table.rowCount)) rows"
                                     + " (\(Format.percent(result.rowCount, of: table.rowCount)))")
        for w in mask.warnings { out.append(.warning(w)) }
        return out
    }

    package static let derive = CommandSpec(
        "derive", group: .transform, summary: "Add or replace columns computed from expressions.",
        arguments: [.table("table", help: "the source table"),
                    .assignments("assignments", help: "name = expression, separated by commas; later ones may use earlier ones")],
        binding: .replacesSubject,
        details: "Without 'as NAME' the table is changed in place. See docs/language.md for functions.",
        examples: ["derive tx amount = quantity * unit_price",
                   "derive tx month = month(invoice_date), weekend = weekday(invoice_date) >= 6 as tx2"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let assignments = try parsed.assignments("assignments")
        let (result, warnings) = try ExpressionEvaluator.derive(assignments, on: table, tableName: parsed.subject ?? "",
                                                                context: ctx.run)
        let name = try ctx.bindResult(result, for: parsed)
        let described = assignments.map { a -> String in
            let type = result.column(a.name)?.type.rawValue ?? "?"
            return "\(a.name) (\(type)\(table.column(a.name) != nil ? ", replaced" : ""))"
        }
        var out = CommandOutput.note("\(name): " + described.joined(separator: ", "))
        for w in warnings { out.append(.warning(w)) }
        return out
    }

    package static let sort = CommandSpec(
        "sort", group: .transform, summary: "Sort rows by one or more columns (stable; missing values last).",
        arguments: [.table("table", help: "the source table"), .keyword("by"),
                    .sortKeys("keys", help: "columns, each optionally followed by asc or desc")],
        binding: .replacesSubject,
        details: "Without 'as NAME' the table is changed in place. Equal keys keep their original order.",
        examples: ["sort tx by invoice_date desc", "sort tx by country, unit_price desc as by_country"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let keys = parsed.sortKeys("keys").map { SortKey($0.column, descending: $0.descending) }
        let result = try table.sorted(by: keys, context: ctx.run)
        let name = try ctx.bindResult(result, for: parsed)
        return .note("\(name): sorted \(Format.count(result.rowCount)) rows by "
                     + parsed.sortKeys("keys").map { $0.column + ($0.descending ? " desc" : "") }.joined(separator: ", "))
    }

    package static let group = CommandSpec(
        "group", group: .transform, summary: "Group rows by key columns and aggregate each group.",
        arguments: [.table("table", help: "the source table"), .keyword("by"), .columns("keys", help: "key columns"),
                    .optional([.keyword("agg"),
                               .aggregations("aggregations",
                                             help: "name = function(expression), …; functions: count, sum, mean, median, min, max, std, distinct, first, last")])],
        binding: .named { p in "\(p.subject ?? "table")_by_\(p.list("keys").first ?? "key")" },
        details: "Groups appear in the order of their first row; missing keys form their own group. "
            + "Without 'agg' the groups are counted. Without 'as NAME' the result is called TABLE_by_KEY.",
        examples: ["group tx by customer_id agg orders = distinct(invoice), spend = sum(quantity * unit_price)",
                   "group tx by country, channel agg n = count(), avg_price = mean(unit_price) as by_country"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let calls = parsed.has("agg") ? try parsed.aggregations("aggregations")
            : [AggregateCall(outputName: "count", function: .count, argument: nil, span: parsed.verbSpan, functionSpan: parsed.verbSpan)]
        let evaluator = ExpressionEvaluator(table: table, tableName: parsed.subject ?? "", context: ctx.run)
        let (inputs, warnings) = try evaluator.evaluateArguments(of: calls)
        let aggregates = zip(calls, inputs).map { Aggregate($0.function, of: $1, as: $0.outputName) }
        let grouped = try table.grouped(by: parsed.list("keys"), aggregates: aggregates, context: ctx.run)
        let name = try ctx.bindResult(grouped.table, for: parsed)
        // A preview: the first groups, like `show NAME head 10`; the whole result is in the workspace.
        let preview = grouped.table.head(10)
        var out = CommandOutput([.table(preview, totalRows: grouped.table.rowCount, showShape: grouped.table.rowCount > 10),
                                 .note("\(name): \(Format.count(grouped.table.rowCount)) groups × \(grouped.table.columnCount) columns")])
        for w in warnings + grouped.notes { out.append(.warning(w)) }
        return out
    }

    package static let join = CommandSpec(
        "join", group: .transform, summary: "Join two tables on key columns (inner or left).",
        arguments: [.table("left", help: "the left table (all its rows are kept in a left join)"),
                    .table("right", help: "the right table")],
        options: [JoinOptions.on, JoinOptions.how],
        binding: .named { p in "\(p.text("left") ?? "left")_\(p.text("right") ?? "right")" },
        details: "Rows keep the left table's order, and within one left row the right table's order. "
            + "Missing keys never match. A right column whose name is taken gets the suffix _right. "
            + "Without 'as NAME' the result is called LEFT_RIGHT.",
        examples: ["join tx customers on=customer_id how=left as tx_customers",
                   "join ratings items on=item_id"]
    ) { parsed, ctx in
        let left = try ctx.subjectTable(parsed)
        guard let rightName = parsed.text("right"), let right = ctx.workspace.table(rightName) else {
            throw parsed.error("join needs two tables")
        }
        guard let on = parsed[JoinOptions.on] else {
            let shared = left.columnNames.filter { right.column($0) != nil }
            throw parsed.error("join needs on=KEY", suggestion: shared.isEmpty ? "e.g. on=left_col:right_col"
                                : "columns in both tables: " + shared.joined(separator: ", "))
        }
        var keys: [JoinKey] = []
        for k in on {
            let key = try JoinKey(parsing: k)
            guard left.column(key.left) != nil else {
                throw SyntaxError("no column '\(key.left)' in table \(parsed.text("left") ?? "")", at: parsed.span(JoinOptions.on),
                                  suggestion: Suggestions.columnHint(for: key.left, among: left.columnNames))
            }
            guard right.column(key.right) != nil else {
                throw SyntaxError("no column '\(key.right)' in table \(rightName)", at: parsed.span(JoinOptions.on),
                                  suggestion: Suggestions.columnHint(for: key.right, among: right.columnNames))
            }
            keys.append(key)
        }
        let result = try left.joined(with: right, on: keys, kind: parsed[JoinOptions.how], context: ctx.run)
        let name = try ctx.bindResult(result, for: parsed)
        return .note(Format.shape(name, result))
    }

    package static let sample = CommandSpec(
        "sample", group: .transform, summary: "Draw a random sample of rows (seeded).",
        arguments: [.table("table", help: "the source table")],
        options: [SampleOptions.count, SampleOptions.fraction, SampleOptions.replace, SampleOptions.seed],
        binding: .named { p in "\(p.subject ?? "table")_sample" },
        details: "Without replacement the sampled rows keep their original order. "
            + "Without 'as NAME' the result is called TABLE_sample.",
        examples: ["sample tx n=1000 seed=7 as small", "sample customers fraction=0.1"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let size: SampleSize
        switch (parsed[SampleOptions.count], parsed[SampleOptions.fraction]) {
        case (let n?, nil): size = .count(n)
        case (nil, let fraction?): size = .fraction(fraction)
        case (_?, _?): throw parsed.error("give n= or fraction=, not both", at: parsed.span(SampleOptions.fraction))
        case (nil, nil): throw parsed.error("sample needs n= or fraction=", suggestion: "e.g. sample tx n=1000")
        }
        let seed = parsed[SampleOptions.seed].map { UInt64(bitPattern: Int64($0)) } ?? ctx.workspace.settings.seed
        let result = try table.sampled(size, replace: parsed[SampleOptions.replace], seed: seed)
        let name = try ctx.bindResult(result, for: parsed)
        return .note("\(name): \(Format.count(result.rowCount)) rows sampled from \(Format.count(table.rowCount)) (seed \(seed))")
    }
}

/// The options of `join`.
package enum JoinOptions {
    package static let on = CommandOption.list("on", "key columns, comma-separated; left:right when the names differ")
    package static let how = CommandOption.choice("how", default: JoinKind.inner, "inner keeps matching rows; left keeps every left row")
}

extension JoinKind: OptionChoice {}

/// The options of `sample`.
package enum SampleOptions {
    package static let count = CommandOption.int("n", in: 0...Int(Int32.max), "how many rows")
    package static let fraction = CommandOption.number("fraction", in: 0...1_000, "a share of the rows instead of n (above 1 needs replace=yes)")
    package static let replace = CommandOption.flag("replace", default: false, "draw with replacement")
    package static let seed = CommandOption.int("seed", describedAs: "the session seed (set seed)", "random seed")
}
