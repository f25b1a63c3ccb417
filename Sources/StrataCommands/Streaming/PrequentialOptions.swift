import StrataEngine

/// The options of `prequential`, each declared once.
package enum PrequentialOptions {
    package static let models = CommandOption.list("models", describedAs: "popular,itemknn,isgd",
                                                   "incremental models, from: popular, itemknn, isgd, als")
    package static let top = CommandOption.int("top", in: 1...100, default: 10, "list length N of each recommendation")
    package static let window = CommandOption.int("window", in: 1...10_000_000, default: 1_000, "scored events in the sliding window (and in McNemar's)")
    package static let fading = CommandOption.number("fading", in: 0.5...1, default: 0.999, "fading factor α of the faded means")
    package static let batch = CommandOption.number("batch", in: 0.01...3_650, describedAs: "none",
                                                    "days: also run each model's batch version refitted every so many days, e.g. batch=7")
    package static let refit = CommandOption.number("refit", in: 0.01...3_650, default: 7, "als: days between full refits (users folded in between)")
    package static let halflife = CommandOption.number("halflife", in: 0.001...36_500, describedAs: "none",
                                                       "popular: half-life of a user's weight, in days")
    package static let neighbors = CommandOption.int("neighbors", in: 1...1_000, default: 20, "itemknn: similar items that score a candidate")
    package static let factors = CommandOption.int("factors", in: 1...200, default: 10, "isgd, als: latent factors")
    package static let rate = CommandOption.number("rate", in: 0.000_001...1, default: 0.05, "isgd: learning rate η")
    package static let compare = CommandOption.list("compare", describedAs: "the first two models", "two models for the McNemar test on per-event hits")
    package static let first = CommandOption.int("first", in: 1...2_000_000_000, describedAs: "all", "replay only the first N events (in time order)")
    package static let every = CommandOption.int("every", in: 1...1_000_000, default: 1, "score one eligible event in N (all still update the models)")
    package static let metric = CommandOption.choice("metric", default: PrequentialChartMetric.recall, "the metric charted over time")
    package static let seed = CommandOption.int("seed", describedAs: "the session seed", "isgd and als initialisation")
    package static let session = CommandOption.flag("session", default: false,
                                                     "also run each model re-ranked by the user's current session (events in the last 30 min), as MODEL+session")

    package static let all: [any OptionDeclaration] = [InteractionOptions.user, InteractionOptions.item, InteractionOptions.time,
                                                       models, top, window, fading, batch, refit, halflife, neighbors, factors, rate,
                                                       compare, first, every, metric, seed, session, ContextEvaluation.option]

    /// Seconds in a number of days given as an option.
    static func seconds(days: Double) -> Double { (days * 86_400).rounded() }

    /// The models asked for, in order, each once.
    static func kinds(_ parsed: ParsedCommand, option models: CommandOption<[String]?> = models) throws -> [StreamingModelKind] {
        guard parsed.isGiven(models), let words = parsed[models] else { return [.popular, .itemknn, .isgd] }
        var out: [StreamingModelKind] = []
        for word in words {
            guard let kind = StreamingModelKind(rawValue: word.lowercased()) else {
                throw parsed.error("'\(word)' is not an incremental model", at: parsed.span(models),
                                   suggestion: "choose from " + StreamingModelKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !out.contains(kind) { out.append(kind) }
        }
        guard !out.isEmpty else { throw parsed.error("name at least one model", at: parsed.span(models)) }
        return out
    }

    static func settings(_ parsed: ParsedCommand, _ ctx: CommandContext) throws -> StreamingModelSettings {
        var s = StreamingModelSettings()
        s.halfLife = parsed[halflife].map { seconds(days: $0) }
        s.neighbors = parsed[neighbors]
        s.factors = parsed[factors]
        s.learnRate = parsed[rate]
        s.period = Int64(seconds(days: parsed[refit]))
        s.seed = SeedOption.value(parsed, seed, ctx.workspace.settings)
        return s
    }
}

package enum PrequentialChartMetric: String, OptionChoice {
    case recall
    case ndcg
    case mrr

    func value(_ v: PrequentialMetrics.Values) -> Double {
        switch self {
        case .recall: return v.recall
        case .ndcg: return v.ndcg
        case .mrr: return v.mrr
        }
    }
}
