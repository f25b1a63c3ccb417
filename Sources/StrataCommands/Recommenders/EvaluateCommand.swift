import StrataEngine

/// `evaluate M1, M2, … on TEST`: every model scored on the same held-out data, with the protocol.
package enum EvaluateCommand {
    package static let spec = CommandSpec(
        "evaluate", group: .recommenders, summary: "Score recommenders on held-out interactions: one table, protocol under it.",
        arguments: [.tables("models", help: "recommenders, separated by commas"), .keyword("on"),
                    .table("test", help: "the test interactions (e.g. parts.test from split)")],
        options: EvaluationSettings.options,
        binding: .named { _ in "evaluation" },
        details: "Prints models × metrics (means over test users), the evaluation protocol, and a paired t-test and "
            + "Wilcoxon signed-rank test over users between the two best models on NDCG (or the first per-user metric listed). With k=A..B it "
            + "prints each metric against k instead. Binds NAME (the table shown) and NAME.users (one row per user "
            + "and model, for your own breakdowns). Intra-list diversity (metrics=…,diversity) measures 1 − cosine between "
            + "item vectors named with features=TABLE:COLUMNS (or a content recommender's). Test users absent from "
            + "training are left out unless cold=zero|serve or fallback=popular. bycontext=device|hour adds the metrics "
            + "per device or hour band, context-aware models ranked in each. Definitions: docs/metrics.md.",
        examples: ["evaluate pop on parts.test k=10",
                   "evaluate pop on parts.test k=10 metrics=ndcg,recall,novelty,personalization relevant=4 recall=truncated",
                   "evaluate pop on parts.test k=1..5 metrics=ndcg,precision",
                   "evaluate pop, cb on parts.test metrics=precision,diversity features=items:genres,category",
                   "evaluate iknn on parts.test metrics=precision,ndcg fallback=popular",
                   "evaluate ctx_knn on ev_parts.test event=event k=10 metrics=recall,ndcg bycontext=device"]
    ) { parsed, ctx in
        let testName = parsed.subject ?? ""
        let table = try ctx.subjectTable(parsed)
        var models: [DiversityFeatures.Evaluated] = []
        for (name, span) in parsed.listWithSpans("models") {
            guard case .object(let o)? = ctx.workspace[name], let r = o as? RecommenderObject else {
                throw parsed.error("'\(name)' is a \(ctx.workspace[name]?.kindName ?? "value"), not a recommender", at: span,
                                   suggestion: "build one with 'recommender popular TABLE as NAME'")
            }
            models.append((name, ColdStartOption.served(parsed, r.model, ColdStartOption.forEvaluation).model, r.content))
        }
        guard let first = models.first else { throw parsed.error("name at least one recommender") }
        if parsed[EvaluationSettings.baseline] {
            let baseline = try PopularityEstimator().fit(first.model.training, context: ctx.run)
            // The baseline is already there when a model evaluated is the same algorithm (plain popularity).
            if !models.contains(where: { $0.model.algorithmName == baseline.algorithmName && $0.model.parameterValues == baseline.parameterValues }) {
                models.append(("popularity", baseline, nil))
            }
        }
        let options = try EvaluationSettings.engineOptions(parsed, settings: ctx.workspace.settings)
        let test = try InteractionOptions.build(parsed, table: table, context: ctx.run).interactions
        let diversity = options.metrics.contains(.diversity) ? try DiversityFeatures.resolve(parsed, ctx, models: models) : nil
        let dissimilarities = try diversity?.dissimilarities(models.map(\.model))
        let evaluations = try models.indices.map { m in
            var modelOptions = options
            modelOptions.itemDissimilarity = dissimilarities?[m].dissimilarity
            return (models[m].name, try RecommenderEvaluator.evaluate(models[m].model, test: test, options: modelOptions, context: ctx.run))
        }
        let split = SplitObject.owning(testTable: testName, in: ctx.workspace)?.method ?? "not made by split (\(testName) given directly)"
        let atFirstK = evaluations.map { (name: $0.0, result: $0.1[0]) }
        let atLargestK = evaluations.map { (name: $0.0, result: $0.1[$0.1.count - 1]) }
        var protocolLines = ["models: " + evaluations.indices.map { "\(models[$0].name) = \(models[$0].model.algorithmName)" }.joined(separator: "; ")]
        protocolLines += EvaluationSettings.protocolLines(parsed, split: split, testName: testName, test: test, options: options,
                                                          results: atLargestK)
        if let diversity, let first = dissimilarities?.first {
            protocolLines.append(diversity.protocolLine(first, results: atLargestK))
        }
        var out = CommandOutput()
        let name = try ctx.resultName(for: parsed)
        if options.cutoffs.count > 1 {
            let byK = try EvaluationTables.againstK(evaluations, metrics: options.metrics)
            for (metric, t) in byK {
                out.append(.table(t, title: "\(metric.rawValue)@k", showShape: false))
                if parsed[EvaluationSettings.chart], let chart = EvaluationTables.chartAgainstK(evaluations, metric: metric) {
                    out.append(.chart(chart))
                }
            }
            ctx.workspace.bind(name, table: try EvaluationTables.longByK(evaluations, metrics: options.metrics))
        } else {
            let summary = try EvaluationTables.summary(atFirstK, metrics: options.metrics)
            out.append(.table(summary, title: "evaluation on \(testName), k=\(options.cutoffs[0])", showShape: false))
            ctx.workspace.bind(name, table: summary)
        }
        out.append(.text("protocol\n" + protocolLines.map { "  " + $0 }.joined(separator: "\n")))
        if options.cutoffs.count == 1, let comparison = try PairedComparison.describe(atFirstK, metrics: options.metrics) {
            out.append(.text(comparison))
        }
        if let segment = parsed[EvaluationSettings.by], options.cutoffs.count == 1 {
            guard let user = InteractionOptions.column(parsed, InteractionOptions.user, table, candidates: InteractionOptions.userNames) else {
                throw parsed.error("no user column found", suggestion: "name it with user=COLUMN")
            }
            let lookup = try SegmentLookup.firstValues(table, userColumn: user, valueColumn: segment, context: ctx.run)
            out.append(.table(try EvaluationTables.bySegment(atFirstK, segments: lookup.values, metrics: options.metrics),
                              title: "by \(segment)", showShape: false))
            if lookup.inconsistentUsers > 0 {
                out.append(.note("\(Format.count(lookup.inconsistentUsers)) users have more than one \(segment); each counts in the segment of their first test row"))
            }
        }
        if let perContext = try ContextEvaluation.breakdown(parsed, table: table, models: models.map { ($0.name, $0.model) },
                                                            options: options, ctx) {
            out.append(contentsOf: perContext)
        }
        ctx.workspace.bind(name + ".users", table: try EvaluationTables.perUser(atFirstK))
        out.append(.note("\(name): the table above; \(name).users: per-user values"))
        return out
    }
}
