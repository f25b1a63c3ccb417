import StrataEngine

/// The algorithms `recommender KIND TABLE` builds, and which options each one reads. Adding a
/// kind is one entry here and one builder.
enum RecommenderKinds {
    typealias Builder = @Sendable (ParsedCommand, Interactions, inout CommandContext) throws -> any Recommender

    struct Kind: Sendable {
        let name: String
        let summary: String
        /// Options that only this kind (among the algorithm options) reads.
        let options: Set<String>
        let build: Builder
    }

    static let neighborOptions: Set<String> = ["neighbors", "similarity", "shrink", "saved", "binary", "centered", "minsim"]

    static let all: [Kind] = [
        Kind(name: "popular", summary: "most interacted-with items (within a segment with segment=)",
             options: ["segment"]) { p, data, ctx in
            guard let pairs = p.pairs("segment") else { return PopularRecommender(training: data) }
            return try SegmentOptionsParsing.build(p, pairs, data, ctx)
        },
        Kind(name: "random", summary: "random items, the floor every model must beat", options: ["seed"]) { p, data, ctx in
            RandomRecommender(training: data, seed: p.seed(ctx.workspace.settings))
        },
        Kind(name: "itemknn", summary: "item-based nearest neighbours", options: neighborOptions) { p, data, ctx in
            try ItemKNN.fit(data, options: try NeighborOptionsParsing.options(p), context: ctx.run)
        },
        Kind(name: "userknn", summary: "user-based nearest neighbours", options: neighborOptions) { p, data, ctx in
            try UserKNN.fit(data, options: try NeighborOptionsParsing.options(p), context: ctx.run)
        },
        Kind(name: "mf", summary: "biased matrix factorisation by SGD (ratings)",
             options: ["factors", "epochs", "lr", "reg", "std", "seed"]) { p, data, ctx in
            try BiasedMF.fit(data, options: FactorOptionsParsing.mf(p, ctx.workspace.settings), context: ctx.run)
        },
        Kind(name: "als", summary: "alternating least squares for implicit feedback",
             options: ["factors", "iterations", "reg", "alpha", "solver", "cgsteps", "binary", "seed"]) { p, data, ctx in
            try ImplicitALS.fit(data, options: FactorOptionsParsing.als(p, data, ctx.workspace.settings), context: ctx.run)
        },
        Kind(name: "content", summary: "content-based, from item metadata",
             options: ["items", "id", "text", "categories", "numeric"]) { p, data, ctx in
            try ContentOptionsParsing.build(p, data, &ctx)
        },
    ]

    static func kind(_ name: String) -> Kind? { all.first { $0.name == name } }

    /// Every algorithm option of any kind; the rest (interaction options, context) apply to all.
    static var algorithmOptions: Set<String> { all.reduce(into: Set<String>()) { $0.formUnion($1.options) } }
}

enum NeighborOptionsParsing {
    static func options(_ p: ParsedCommand) throws -> NeighborhoodOptions {
        var o = NeighborhoodOptions()
        o.neighbors = p.int("neighbors", default: o.neighbors)
        o.savedNeighbors = p.int("saved", default: o.savedNeighbors)
        o.shrinkage = p.double("shrink", default: o.shrinkage)
        o.minSimilarity = p.double("minsim", default: o.minSimilarity)
        o.similarity = p.string("similarity").flatMap(SimilarityMeasure.init(rawValue:)) ?? o.similarity
        o.binary = p.bool("binary", default: o.binary)
        o.meanCentered = p.bool("centered", default: o.meanCentered)
        if o.savedNeighbors > 0, o.savedNeighbors < o.neighbors {
            throw p.error("saved=\(o.savedNeighbors) keeps fewer neighbours than neighbors=\(o.neighbors) uses",
                          at: p.optionSpan("saved"), suggestion: "keep at least as many as are used, or saved=0 for all")
        }
        return o
    }
}

enum FactorOptionsParsing {
    static func mf(_ p: ParsedCommand, _ settings: Settings) -> BiasedMFOptions {
        var o = BiasedMFOptions(seed: p.seed(settings))
        o.factors = p.int("factors", default: o.factors)
        o.epochs = p.int("epochs", default: o.epochs)
        o.learningRate = p.double("lr", default: o.learningRate)
        o.regularization = p.double("reg", default: o.regularization)
        o.initStd = p.double("std", default: o.initStd)
        return o
    }

    static func als(_ p: ParsedCommand, _ data: Interactions, _ settings: Settings) -> ImplicitALSOptions {
        var o = ImplicitALSOptions(seed: p.seed(settings))
        o.factors = p.int("factors", default: o.factors)
        o.iterations = p.int("iterations", default: o.iterations)
        o.regularization = p.double("reg", default: o.regularization)
        o.alpha = p.double("alpha", default: o.alpha)
        o.solver = p.string("solver").flatMap(ALSSolver.init(rawValue:)) ?? o.solver
        o.cgSteps = p.int("cgsteps", default: o.cgSteps)
        // Ratings say who interacted; implicit strengths (counts, event weights) scale confidence.
        o.binary = p.bool("binary", default: data.kind.isExplicit)
        return o
    }
}

enum SegmentOptionsParsing {
    /// `segment=TABLE:COLUMN` (users in TABLE's user column) — the user column is found as for interactions.
    static func build(_ p: ParsedCommand, _ pairs: [(String, String)], _ data: Interactions, _ ctx: CommandContext) throws -> any Recommender {
        guard pairs.count == 1, let (tableName, column) = pairs.first else {
            throw p.error("segment= takes TABLE:COLUMN, e.g. segment=segments:latent_segment", at: p.optionSpan("segment"))
        }
        guard let users = ctx.workspace.table(tableName) else {
            throw p.error("no table '\(tableName)'", at: p.optionSpan("segment"),
                          suggestion: Suggestions.didYouMean(tableName, among: ctx.workspace.tableNames))
        }
        guard users.column(column) != nil else {
            throw p.error("no column '\(column)' in \(tableName)", at: p.optionSpan("segment"),
                          suggestion: Suggestions.columnHint(for: column, among: users.columnNames))
        }
        guard let userColumn = InteractionOptions.userNames.first(where: { users.column($0) != nil }) else {
            throw p.error("\(tableName) has no user column (user_id, user or customer_id)", at: p.optionSpan("segment"))
        }
        return try SegmentPopularRecommender(training: data, users: users, userColumn: userColumn, segmentColumn: column)
    }
}
