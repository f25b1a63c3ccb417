import StrataEngine

/// Options several recommender kinds share.
package enum KindOptions {
    package static let seed = CommandOption.int("seed", describedAs: "the session seed (set seed)", "random/MF/ALS: random seed")

    package static func seed(_ p: ParsedCommand, _ ctx: CommandContext) -> UInt64 { SeedOption.value(p, seed, ctx.workspace.settings) }
}

/// item-kNN and user-kNN: `NeighborhoodOptions`, defaults from the engine.
package enum NeighborOptions {
    private static let d = NeighborhoodOptions()
    package static let neighbors = CommandOption.int("neighbors", in: 1...10_000, default: d.neighbors, "kNN: neighbours that score each candidate")
    package static let similarity = CommandOption.choice("similarity", default: d.similarity,
                                                 "kNN: cosine, adjusted (cosine after removing user/item means), pearson, jaccard")
    package static let shrink = CommandOption.number("shrink", in: 0...1_000_000, default: d.shrinkage,
                                             "kNN: shrinkage λ, similarity × n/(n+λ) for n shared entries")
    package static let saved = CommandOption.int("saved", in: 0...1_000_000, default: d.savedNeighbors,
                                         "kNN: neighbours kept per item/user after training (0 = all)")
    package static let binary = CommandOption.flag("binary", default: d.binary, "kNN cosine / ALS: use who interacted, not the values")
    package static let centered = CommandOption.flag("centered", default: d.meanCentered,
                                             "kNN: predict ratings from neighbours' deviations from their means")
    package static let minsim = CommandOption.number("minsim", in: 0...1, default: d.minSimilarity, "kNN: drop similarities at or below this")

    package static let all: [any OptionDeclaration] = [neighbors, similarity, shrink, saved, binary, centered, minsim]

    package static func parameters(_ p: ParsedCommand) throws -> NeighborhoodOptions {
        var o = NeighborhoodOptions()
        o.neighbors = p[neighbors]
        o.savedNeighbors = p[saved]
        o.shrinkage = p[shrink]
        o.minSimilarity = p[minsim]
        o.similarity = p[similarity]
        o.binary = p[binary]
        o.meanCentered = p[centered]
        if o.savedNeighbors > 0, o.savedNeighbors < o.neighbors {
            throw p.error("saved=\(o.savedNeighbors) keeps fewer neighbours than neighbors=\(o.neighbors) uses",
                          at: p.span(saved), suggestion: "keep at least as many as are used, or saved=0 for all")
        }
        return o
    }

    /// "kept 1,234 item-item similarities (at most 200 per item)".
    package static func keptFact(_ similar: NeighborLists, _ options: NeighborhoodOptions, of entity: String) -> String {
        "kept \(Format.count(similar.pairCount)) \(entity)-\(entity) similarities"
            + (options.savedNeighbors > 0 ? " (at most \(options.savedNeighbors) per \(entity))" : "")
    }
}

/// Biased MF and implicit ALS: defaults from the engine's options.
package enum FactorOptions {
    private static let mfDefaults = BiasedMFOptions(seed: 0)
    private static let alsDefaults = ImplicitALSOptions(seed: 0)
    private static let factorsHelp = "MF/ALS/FM: latent factors"
    private static let regHelp = "MF/ALS/FM: regularisation"

    package static let mfFactors = CommandOption.int("factors", in: 1...1_000, default: mfDefaults.factors, factorsHelp)
    package static let epochs = CommandOption.int("epochs", in: 1...10_000, default: mfDefaults.epochs, "MF/FM: passes over the training rows")
    package static let lr = CommandOption.number("lr", in: 0.000_000_1...0.999, default: mfDefaults.learningRate, "MF/FM: learning rate")
    package static let mfReg = CommandOption.number("reg", in: 0...1_000_000, default: mfDefaults.regularization, regHelp)
    package static let std = CommandOption.number("std", in: 0...10, default: mfDefaults.initStd, "MF/FM: standard deviation of the initial factors")

    package static let alsFactors = CommandOption.int("factors", in: 1...1_000, default: alsDefaults.factors, factorsHelp)
    package static let iterations = CommandOption.int("iterations", in: 1...1_000, default: alsDefaults.iterations, "ALS: alternating iterations")
    package static let alsReg = CommandOption.number("reg", in: 0...1_000_000, default: alsDefaults.regularization, regHelp)
    package static let alpha = CommandOption.number("alpha", in: 0...1_000_000, default: alsDefaults.alpha, "ALS: confidence 1 + alpha·r")
    package static let solver = CommandOption.choice("solver", default: alsDefaults.solver, "ALS: cg (3 warm-started steps) or cholesky (exact)")
    package static let cgsteps = CommandOption.int("cgsteps", in: 1...1_000, default: alsDefaults.cgSteps, "ALS: conjugate-gradient steps per row")
    /// Ratings say who interacted; implicit strengths (counts, event weights) scale confidence.
    package static let alsBinary = CommandOption.flag("binary", describedAs: "yes on ratings, no on events", NeighborOptions.binary.spec.help)

    package static let mfAll: [any OptionDeclaration] = [mfFactors, epochs, lr, mfReg, std, KindOptions.seed]
    package static let alsAll: [any OptionDeclaration] = [alsFactors, iterations, alsReg, alpha, solver, cgsteps, alsBinary, KindOptions.seed]

    package static func mf(_ p: ParsedCommand, _ ctx: CommandContext) -> BiasedMFOptions {
        var o = BiasedMFOptions(seed: KindOptions.seed(p, ctx))
        o.factors = p[mfFactors]
        o.epochs = p[epochs]
        o.learningRate = p[lr]
        o.regularization = p[mfReg]
        o.initStd = p[std]
        return o
    }

    package static func als(_ p: ParsedCommand, _ data: Interactions, _ ctx: CommandContext) -> ImplicitALSOptions {
        var o = ImplicitALSOptions(seed: KindOptions.seed(p, ctx))
        o.factors = p[alsFactors]
        o.iterations = p[iterations]
        o.regularization = p[alsReg]
        o.alpha = p[alpha]
        o.solver = p[solver]
        o.cgSteps = p[cgsteps]
        o.binary = p[alsBinary] ?? data.kind.isExplicit
        return o
    }
}

/// `segment=TABLE:COLUMN`: popularity within each user's segment (users in TABLE's user column,
/// found as for interactions).
package enum SegmentOption {
    package static let segment = CommandOption.tableColumns("segment", describedAs: "none", "popular: rank within each user's segment, from TABLE:COLUMN")

    package static func build(_ p: ParsedCommand, _ data: Interactions, _ ctx: CommandContext) throws -> SegmentPopularRecommender {
        let span = p.span(segment)
        let parts = p[segment]?.first?.split(separator: ":", omittingEmptySubsequences: false).map(String.init) ?? []
        guard p[segment]?.count == 1, parts.count == 2, let tableName = parts.first, let column = parts.last else {
            throw p.error("segment= takes TABLE:COLUMN, e.g. segment=segments:latent_segment", at: span)
        }
        guard let users = ctx.workspace.table(tableName) else {
            throw p.error("no table '\(tableName)'", at: span, suggestion: Suggestions.didYouMean(tableName, among: ctx.workspace.tableNames))
        }
        guard users.column(column) != nil else {
            throw p.error("no column '\(column)' in \(tableName)", at: span,
                          suggestion: Suggestions.columnHint(for: column, among: users.columnNames))
        }
        guard let userColumn = InteractionOptions.userNames.first(where: { users.column($0) != nil }) else {
            throw p.error("\(tableName) has no user column (user_id, user or customer_id)", at: span)
        }
        let parameters = SegmentPopularParameters(userColumn: userColumn, segmentColumn: column)
        return try SegmentPopularEstimator(parameters).fit(InteractionsWithTable(data, users), context: ctx.run)
    }
}
