import StrataEngine

/// Reads `evaluate`'s options into engine options, and states them as protocol lines.
enum EvaluationSettings {
    static let metricNames: [String: EvaluationMetric] = {
        var names: [String: EvaluationMetric] = [:]
        for m in EvaluationMetric.allCases { names[m.rawValue] = m }
        names["hit"] = .hitrate
        names["hits"] = .hitrate
        names["ild"] = .diversity
        return names
    }()

    static let options: [OptionSpec] = [
        OptionSpec("k", .intRange, default: "10", "list length; a range such as 1..20 gives a table of the metric against k"),
        OptionSpec("metrics", .list, default: "precision,recall,ndcg,map,mrr,hitrate,coverage",
                   "among precision, recall, ndcg, map, mrr, hitrate, coverage, novelty, diversity, personalization, rmse, mae"),
        OptionSpec("by", .column, default: "none", "a column of the test table: metrics per segment (each user's first value)"),
        OptionSpec("chart", .bool, default: "yes", "with k=A..B, draw each metric against k for every model"),
        OptionSpec("relevant", .double(nil), default: "every test interaction", "a test value at least this is relevant"),
        OptionSpec("seen", .choice(["exclude", "keep"]), default: "exclude", "leave each user's training items out of their list"),
        OptionSpec("cold", .choice(ColdUserPolicy.allCases.map(\.rawValue)), default: "skip (serve with fallback=popular)",
                   "test users absent from training: skip them, score them 0 (empty lists), or serve them by the model's cold-start rule"),
        OptionSpec("fallback", .choice(["none", "popular"]), default: "none",
                   "serve test users absent from training (cold=serve) with the most popular training items, for models without a cold-start rule of their own"),
        DiversityFeatures.option,
        OptionSpec("baseline", .bool, default: "yes", "add the popularity baseline, trained on the first model's data"),
        OptionSpec("recall", .choice(MetricDefinitions.Recall.allCases.map(\.rawValue)), default: "relevant",
                   "divide by |relevant|, or by min(|relevant|, k) (truncated, LensKit)"),
        OptionSpec("precision", .choice(MetricDefinitions.Precision.allCases.map(\.rawValue)), default: "k",
                   "divide by k, or by the list's length (list, LensKit)"),
        OptionSpec("gain", .choice(MetricDefinitions.Gain.allCases.map(\.rawValue)), default: "binary",
                   "NDCG gain: 1 per relevant item, the rating (linear), or 2^rating − 1 (exponential)"),
        OptionSpec("discount", .choice(MetricDefinitions.Discount.allCases.map(\.rawValue)), default: "log2",
                   "NDCG discount: 1/log2(rank+1), or 1/log2(max(rank,2)) (lenskit)"),
        OptionSpec("ap", .choice(MetricDefinitions.AveragePrecision.allCases.map(\.rawValue)), default: "truncated",
                   "average precision divides by min(|relevant|, k), |relevant|, or min(|relevant|, list length) (list, LensKit)"),
        OptionSpec("seed", .int(nil), default: "the session seed", "seed for sampling users in personalization"),
    ] + InteractionOptions.specs.filter { ["user", "item", "rating", "scale", "event", "weights", "weight"].contains($0.key) }

    static func engineOptions(_ parsed: ParsedCommand, settings: Settings) throws -> EvaluationOptions {
        var o = EvaluationOptions()
        let ks = parsed.range("k") ?? 10...10
        guard ks.lowerBound >= 1 else { throw parsed.error("k must be at least 1", at: parsed.optionSpan("k")) }
        guard ks.count <= 200 else { throw parsed.error("k=\(ks.lowerBound)..\(ks.upperBound): at most 200 cutoffs", at: parsed.optionSpan("k")) }
        o.cutoffs = Array(ks)
        if let names = parsed.strings("metrics") {
            o.metrics = try names.map { name in
                guard let m = metricNames[name.lowercased()] else {
                    throw parsed.error("unknown metric '\(name)'", at: parsed.optionSpan("metrics"),
                                       suggestion: Suggestions.didYouMean(name, among: Array(metricNames.keys).sorted())
                                        ?? "metrics: " + EvaluationMetric.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return m
            }
            if parsed.hasOption("features") && !o.metrics.contains(.diversity) {
                throw parsed.error("features= describes the items for the diversity metric, which metrics= leaves out",
                                   at: parsed.optionSpan("features"), suggestion: "add diversity to metrics=")
            }
        } else if parsed.hasOption("features") {
            o.metrics.append(.diversity)
        }
        o.excludeSeen = parsed.string("seen", default: "exclude") == "exclude"
        if parsed.hasOption("relevant") { o.relevanceThreshold = parsed.double("relevant", default: 0) }
        let popularFallback = ColdStartOption.wantsPopular(parsed)
        o.coldUsers = ColdUserPolicy(rawValue: parsed.string("cold", default: popularFallback ? "serve" : "skip")) ?? .skip
        if popularFallback && o.coldUsers != .serve {
            throw parsed.error("fallback=popular serves the test users absent from training, which cold=\(o.coldUsers.rawValue) does not",
                               at: parsed.optionSpan("cold"), suggestion: "leave cold= out, or use cold=serve")
        }
        o.definitions.recall = MetricDefinitions.Recall(rawValue: parsed.string("recall", default: "relevant")) ?? .relevant
        o.definitions.precision = MetricDefinitions.Precision(rawValue: parsed.string("precision", default: "k")) ?? .k
        o.definitions.gain = MetricDefinitions.Gain(rawValue: parsed.string("gain", default: "binary")) ?? .binary
        o.definitions.discount = MetricDefinitions.Discount(rawValue: parsed.string("discount", default: "log2")) ?? .log2
        o.definitions.averagePrecision = MetricDefinitions.AveragePrecision(rawValue: parsed.string("ap", default: "truncated")) ?? .truncated
        o.seed = parsed.seed(settings)
        return o
    }

    /// The protocol printed under every evaluation.
    static func protocolLines(_ parsed: ParsedCommand, split: String, testName: String, test: Interactions, options: EvaluationOptions,
                              results: [(name: String, result: RecommenderEvaluation)]) -> [String] {
        guard let first = results.first?.result else { return [] }
        let c = first.counts
        let k = first.k
        var lines = ["split: \(split)",
                     "test data: \(testName), \(Format.count(test.userCount)) users, \(Format.count(test.count)) (user, item) pairs, \(test.kind.description)",
                     "candidates: every training item (\(Format.count(c.catalogueSize)))"
                        + (options.excludeSeen ? " except the user's own training items" : ", the user's training items included (seen=keep)"),
                     "relevant: " + (options.relevanceThreshold.map { "test value ≥ \(NumberFormatting.significant($0))" } ?? "every test interaction")]
        var users = "users: \(Format.count(c.evaluatedUsers)) evaluated"
        if c.usersAbsentFromTraining > 0 {
            users += "; \(Format.count(c.usersAbsentFromTraining)) absent from training "
                + {
                    switch options.coldUsers {
                    case .skip: return "left out (cold=skip)"
                    case .zero: return "kept with empty lists, scored 0"
                    case .serve: return "kept and served by each model's cold-start rule"
                        + (ColdStartOption.wantsPopular(parsed) ? " or, without one, the most popular items (fallback=popular)" : " (empty lists for models without one)")
                    }
                }()
        }
        if c.usersWithoutRelevant > 0 { users += "; \(Format.count(c.usersWithoutRelevant)) with no relevant test item left out" }
        lines.append(users)
        var lists: [String] = []
        for (name, r) in results where r.counts.emptyLists > 0 || r.counts.shortLists > 0 {
            lists.append("\(name) \(Format.count(r.counts.emptyLists)) empty, \(Format.count(r.counts.shortLists)) shorter than \(r.k)")
        }
        lines.append("lists: " + (lists.isEmpty ? "every user got \(k) item\(k == 1 ? "" : "s")" : lists.joined(separator: "; "))
                     + " (empty or short lists score what they hit; precision divides by "
                     + (options.definitions.precision == .k ? "k)" : "the list's length)"))
        if c.relevantAbsentFromTraining > 0 {
            lines.append("relevant test items absent from training: \(Format.count(c.relevantAbsentFromTraining)) (no model can recommend them; they count in recall, MAP and NDCG denominators)")
        }
        if c.relevantAlreadyInTraining > 0 && options.excludeSeen {
            lines.append("relevant test pairs the user already has in training: \(Format.count(c.relevantAlreadyInTraining)) (excluded from lists, so never hit)")
        }
        lines += options.definitions.protocolLines
        return lines
    }
}
