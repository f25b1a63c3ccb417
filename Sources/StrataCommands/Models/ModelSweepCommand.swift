import Foundation
import StrataEngine

/// `model sweep KIND TABLE target=COL param=OPTION values=v1,v2,…`: the kind cross-validated once
/// per value of one of its options (through `ModelOptions.overrides`), every value on the same
/// folds, with a table and a chart of the main metric against the value, like `cluster sweep`.
package enum ModelSweepCommand {
    package static let param = CommandOption<String?>.text("param", "the kind's option to vary (e.g. c for logistic, rounds or leaves for gbm)")
    package static let values = CommandOption<[String]?>.list("values", "the values to try, separated by commas")

    /// Every kind's own options, once per key (the first declaration wins), so any can be fixed or swept.
    package static var kindOptions: [any OptionDeclaration] {
        var seen: Set<String> = Set(ModelInput.options.map(\.spec.key))
        return ModelKinds.all.flatMap(\.options).filter { seen.insert($0.spec.key).inserted }
    }

    package static let spec = CommandSpec(
        "model sweep", group: .models, summary: "Cross-validate a model kind for each value of one of its options, on the same folds.",
        arguments: [.choice("kind", choices: ModelKinds.all.map(\.name), help: "the model kind: " + ModelKinds.all.map(\.name).joined(separator: ", ")),
                    .table("table", help: "one row per customer (or other unit), with the target column")],
        options: ModelInput.options + [param, values] + kindOptions,
        binding: .named { p in "\(p.subject ?? "table")_\(p.text("kind") ?? "model")_sweep" },
        details: "For each value of param= the kind is fitted with that option set (its other options as typed) on the training "
            + "part of each fold and scored on the held-out part; every value uses the same folds (folds= and seed=, stratified "
            + "for a classifier) or the same test= share. One row per value: the mean over folds of AUC (with its sd over folds), "
            + "PR-AUC and log loss for a classifier, or RMSE (with its sd), MAE and R² for a regressor. The best value is named "
            + "and a line chart of the main metric against the value follows (on a log10 axis when the values span a factor of "
            + "100 or more). The table is kept as TABLE_KIND_sweep (or 'as NAME').",
        examples: ["model sweep logistic customers target=churned features=age,tenure_months,orders,support_calls,channel param=c values=0.01,0.1,1,10 folds=3",
                   "model sweep gbm customers target=churned features=tenure_months,orders,support_calls param=rounds values=10,30 folds=3 leaves=7"]
    ) { parsed, ctx in try run(parsed, &ctx) }

    private static func run(_ parsed: ParsedCommand, _ ctx: inout CommandContext) throws -> CommandOutput {
        let kindName = parsed.text("kind") ?? ""
        guard let kind = ModelKinds.all.first(where: { $0.name == kindName }) else {
            throw parsed.error("no model kind '\(kindName)'", at: parsed.span("kind"), suggestion: "kinds: " + ModelKinds.all.map(\.name).joined(separator: ", "))
        }
        let optionHint = kind.options.isEmpty ? "\(kind.name) has no options to sweep"
                                               : "\(kind.name)'s options: " + kind.options.map(\.spec.key).joined(separator: ", ")
        guard let key = parsed[param] else { throw parsed.error("model sweep needs param=OPTION", suggestion: optionHint) }
        guard let option = kind.options.first(where: { $0.spec.key == key.lowercased() })?.spec else {
            throw parsed.error("\(kind.name) has no option '\(key)'", at: parsed.span(param), suggestion: optionHint)
        }
        if parsed.options[option.key] != nil {
            throw parsed.error("\(option.key) is swept, so do not also set it", at: parsed.span(param), suggestion: "leave out \(option.key)=")
        }
        guard let texts = parsed[values], !texts.isEmpty else {
            throw parsed.error("model sweep needs values=v1,v2,…", at: parsed.span(param), suggestion: "e.g. values=0.1,1,10")
        }
        guard texts.count <= 30 else { throw parsed.error("sweep at most 30 values, not \(texts.count)", at: parsed.span(values)) }
        let converted = try texts.map { try value($0, for: option, parsed) }

        let input = try ModelInput(parsed, ctx, kind: kind)
        let base = ModelOptions(parsed, settings: ctx.workspace.settings)
        let scheme = try ModelValidation.scheme(parsed, y: input.y, classification: input.isClassification, classes: input.classes, seed: base.seed)
        let classes = input.classes
        var rows: [(text: String, number: Double?, figures: [Double])] = []
        var description = ""
        var isCV = true
        for (text, raw) in zip(texts, converted) {
            try ctx.run.cancellation.check()
            let options = ModelOptions(parsed, settings: ctx.workspace.settings, overrides: [option.key: raw])
            let fitting = try ModelCommand.fitting(kind, options, task: input.task)
            let refit: @Sendable (ModelFrame, [Double], RunContext) throws -> PredictiveModel = { frame, y, context in
                try fitting.fit(frame, y, classes, context).model
            }
            let v = try ModelValidation.run(scheme, frame: input.frame, y: input.y, classification: input.isClassification, refit: refit, context: ctx.run)
            description = v.description
            isCV = v.foldCount != nil
            rows.append((text, numeric(raw), try figures(v, y: input.y)))
        }
        let headings = input.isClassification ? ["AUC", "AUC_sd", "PR_AUC", "log_loss"] : ["RMSE", "RMSE_sd", "MAE", "R2"]
        let allNumeric = rows.allSatisfy { $0.number != nil }
        // Whole-number options (rounds, depth, leaves) keep an int column, as they were typed.
        let allWhole = converted.allSatisfy { if case .int = $0 { true } else { false } }
        let keyType: DataType = allWhole ? .int : allNumeric ? .float : .string
        var t = SummaryTable([(option.key, keyType)] + headings.map { ($0, DataType.float) })
        for (r, raw) in zip(rows, converted) {
            let key: Value = switch (keyType, raw) {
            case (.int, .int(let i)): .int(Int64(i))
            case (.float, _): .float(r.number ?? .nan)
            default: .string(r.text)
            }
            t.row([key] + r.figures.map(Value.float))
        }
        let table = t.table
        let name = try ctx.bindResult(table, for: parsed)
        let higherIsBetter = input.isClassification
        let best = rows.indices.max { a, b in higherIsBetter ? rows[a].figures[0] < rows[b].figures[0] : rows[a].figures[0] > rows[b].figures[0] }
        var out = CommandOutput([.table(table, title: "\(kind.title) by \(option.key), \(description) on \(Format.count(input.frame.rowCount)) rows of \(input.tableName)",
                                        showShape: false)])
        out.blocks += input.notes
        if let best {
            out.append(.note("best \(option.key) by \(headings[0]): \(rows[best].text) (\(headings[0]) \(DescribeFormat.number(rows[best].figures[0])))"
                             + (isCV ? "; means over folds, sd is the spread over folds" : "; on the test rows (sd needs folds)")))
        }
        out.append(.note("\(name): one row per value of \(option.key)"))
        if allNumeric { out.append(.chart(chart(rows.map { ($0.number ?? .nan, $0.figures[0]) }, key: option.key, metric: headings[0]))) }
        return out
    }

    /// Mean and sd over folds of the main metric, then the means of two more.
    static func figures(_ v: ModelValidation, y: [Double]) throws -> [Double] {
        func meanSD(_ xs: [Double]) -> (Double, Double) {
            let mean = xs.reduce(0, +) / Double(max(1, xs.count))
            let sd = xs.count > 1 ? (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1)).squareRoot() : 0
            return (mean, sd)
        }
        if let s = v.cvScores {
            let (auc, sd) = meanSD(try s.perFold(.auc))
            return [auc, sd, meanSD(try s.perFold(.averagePrecision)).0, meanSD(try s.perFold(.logLoss)).0]
        }
        if let p = v.cvPredictions {
            let (rmse, sd) = meanSD(try p.perFold(.rmse))
            return [rmse, sd, meanSD(try p.perFold(.mae)).0, meanSD(try p.perFold(.r2)).0]
        }
        if v.cvScores == nil, v.foldCount == nil, Set(v.rows.map { y[$0] }).isSubset(of: [0, 1]), v.predicted.allSatisfy({ $0 >= 0 && $0 <= 1 }) {
            let o = try v.outcomes(y)
            return [try ClassificationMetrics.rocAUC(o), 0, try ClassificationMetrics.averagePrecision(o), try ClassificationMetrics.logLoss(o)]
        }
        let m = try RegressionMetrics(actual: v.rows.map { y[$0] }, predicted: v.predicted)
        return [m.rmse, 0, m.mae, m.r2]
    }

    /// One typed value as the option's parser would take it, range checked.
    static func value(_ text: String, for option: OptionSpec, _ parsed: ParsedCommand) throws -> OptionValue {
        let bad = { (what: String) in parsed.error("\(option.key)=\(text): \(what)", at: parsed.span(values), suggestion: "\(option.key): \(option.help)") }
        switch option.kind {
        case .int(let range):
            guard let v = Int(text) else { throw bad("not a whole number") }
            if let range, !range.contains(v) { throw bad("outside \(range.lowerBound)…\(range.upperBound)") }
            return .int(v)
        case .double(let range):
            guard let v = Double(text), v.isFinite else { throw bad("not a number") }
            if let range, !range.contains(v) { throw bad("outside \(DescribeFormat.number(range.lowerBound))…\(DescribeFormat.number(range.upperBound))") }
            return .double(v)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: throw bad("not true or false")
            }
        case .choice(let words):
            guard words.contains(text.lowercased()) else { throw bad("not one of " + words.joined(separator: ", ")) }
            return .string(text.lowercased())
        case .string: return .string(text)
        default: throw bad("this option cannot be swept")
        }
    }

    static func numeric(_ v: OptionValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The main metric against the value; log10 of the value when the values span 100× or more.
    static func chart(_ points: [(Double, Double)], key: String, metric: String) -> Chart {
        let sorted = points.sorted { $0.0 < $1.0 }
        let xs = sorted.map(\.0)
        let logScale = (xs.first ?? 0) > 0 && (xs.last ?? 0) / (xs.first ?? 1) >= 100
        return Chart.line(title: "\(metric) by \(key)" + (logScale ? " (log10 axis)" : ""),
                          series: [ChartSeries(metric, x: logScale ? xs.map { log10($0) } : xs, y: sorted.map(\.1))],
                          xLabel: logScale ? "log10(\(key))" : key, yLabel: metric, showPoints: true)
    }
}
