import StrataEngine

/// Reads `evaluate`'s options into engine options, and states them as protocol lines.
package enum EvaluationSettings {
    package static let metricNames: [String: EvaluationMetric] = {
        var names: [String: EvaluationMetric] = [:]
        for m in EvaluationMetric.allCases { names[m.rawValue] = m }
        names["hit"] = .hitrate
        names["hits"] = .hitrate
        names["ild"] = .diversity
        return names
    }()

    /// Whether each user's training items may appear in their list.
    package enum SeenItems: String, OptionChoice {
        case exclude
        case keep
    }

    package static let k = CommandOption.range("k", default: 10...10, describedAs: "10",
                                       "list length; a range such as 1..20 gives a table of the metric against k")
    package static let metrics = CommandOption.list("metrics", describedAs: "precision,recall,ndcg,map,mrr,hitrate,coverage",
                                            "among precision, recall, ndcg, map, mrr, hitrate, coverage, novelty, diversity, personalization, rmse, mae")
    package static let by = CommandOption.column("by", describedAs: "none", "a column of the test table: metrics per segment (each user's first value)")
    package static let chart = CommandOption.flag("chart", default: true, "with k=A..B, draw each metric against k for every model")
    package static let relevant = CommandOption.number("relevant", describedAs: "every test interaction", "a test value at least this is relevant")
    package static let seen = CommandOption.choice("seen", default: SeenItems.exclude, "leave each user's training items out of their list")
    package static let cold = CommandOption<ColdUserPolicy?>.choice(
        "cold", describedAs: "skip (serve with fallback=popular)",
        "test users absent from training: skip them, score them 0 (empty lists), or serve them by the model's cold-start rule")
    package static let baseline = CommandOption.flag("baseline", default: true, "add the popularity baseline, trained on the first model's data")
    package static let recall = CommandOption.choice("recall", default: MetricDefinitions.Recall.relevant,
                                             "divide by |relevant|, or by min(|relevant|, k) (truncated, LensKit)")
    package static let precision = CommandOption.choice("precision", default: MetricDefinitions.Precision.k,
                                                "divide by k, or by the list's length (list, LensKit)")
    package static let gain = CommandOption.choice("gain", default: MetricDefinitions.Gain.binary,
                                           "NDCG gain: 1 per relevant item, the rating (linear), or 2^rating − 1 (exponential)")
    package static let discount = CommandOption.choice("discount", default: MetricDefinitions.Discount.log2,
                                               "NDCG discount: 1/log2(rank+1), or 1/log2(max(rank,2)) (lenskit)")
    package static let ap = CommandOption.choice(
        "ap", default: MetricDefinitions.AveragePrecision.truncated,
        "average precision divides by min(|relevant|, k), |relevant|, or min(|relevant|, list length) (list, LensKit)")
    package static let seed = CommandOption.int("seed", describedAs: "the session seed", "seed for sampling users in personalization")

    package static let options: [any OptionDeclaration] = [
        k, metrics, by, chart, relevant, seen, cold, ColdStartOption.forEvaluation, DiversityFeatures.option, baseline,
        recall, precision, gain, discount, ap, seed, ContextEvaluation.option,
    ] + InteractionOptions.forTest

    package static func engineOptions(_ parsed: ParsedCommand, settings: Settings) throws -> EvaluationOptions {
        var o = EvaluationOptions()
        let ks = parsed[k]
        guard ks.lowerBound >= 1 else { throw parsed.error("k must be at least 1", at: parsed.span(k)) }
        guard ks.count <= 200 else { throw parsed.error("k=\(ks.lowerBound)..\(ks.upperBound): at most 200 cutoffs", at: parsed.span(k)) }
        o.cutoffs = Array(ks)
        let features = DiversityFeatures.option
        if let names = parsed[metrics] {
            o.metrics = try names.map { name in
                guard let m = metricNames[name.lowercased()] else {
                    throw parsed.error("unknown metric '\(name)'", at: parsed.span(metrics),
                                       suggestion: Suggestions.didYouMean(name, among: Array(metricNames.keys).sorted())
                                        ?? "metrics: " + EvaluationMetric.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return m
            }
            if parsed.isGiven(features) && !o.metrics.contains(.diversity) {
                throw parsed.error("features= describes the items for the diversity metric, which metrics= leaves out",
                                   at: parsed.span(features), suggestion: "add diversity to metrics=")
            }
        } else if parsed.isGiven(features) {
            o.metrics.append(.diversity)
        }
        switch parsed[seen] {
        case .exclude: o.excludeSeen = true
        case .keep: o.excludeSeen = false
        }
        o.relevanceThreshold = parsed[relevant]
        let popularFallback = ColdStartOption.wantsPopular(parsed, ColdStartOption.forEvaluation)
        o.coldUsers = parsed[cold] ?? (popularFallback ? .serve : .skip)
        if popularFallback && o.coldUsers != .serve {
            throw parsed.error("fallback=popular serves the test users absent from training, which cold=\(o.coldUsers.rawValue) does not",
                               at: parsed.span(cold), suggestion: "leave cold= out, or use cold=serve")
        }
        o.definitions.recall = parsed[recall]
        o.definitions.precision = parsed[precision]
        o.definitions.gain = parsed[gain]
        o.definitions.discount = parsed[discount]
        o.definitions.averagePrecision = parsed[ap]
        o.seed = SeedOption.value(parsed, seed, settings)
        return o
    }

    /// The protocol printed under every evaluation.
    package static func protocolLines(_ parsed: ParsedCommand, split: String, testName: String, test: Interactions, options: EvaluationOptions,
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
                        + (ColdStartOption.wantsPopular(parsed, ColdStartOption.forEvaluation) ? " or, without one, the most popular items (fallback=popular)" : " (empty lists for models without one)")
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
