import StrataEngine

/// The algorithms `recommender KIND TABLE` builds: one entry per kind, with its summary, the typed
/// options it reads and its builder. The `recommender` command's kind choices, options and help
/// (and so docs/commands.md) come from this table. Adding a kind is an engine estimator and one
/// entry here.
package enum RecommenderKinds {
    /// A trained model, with what a user wants to know about it after training.
    package struct Built {
        package var model: any Recommender
        /// e.g. how many similarities a kNN model kept.
        package var facts: [String] = []
        /// The model's item vectors, when it is content-based (`evaluate`'s diversity can use them).
        package var content: ContentRecommender?
    }

    package typealias Builder = @Sendable (ParsedCommand, Interactions, inout CommandContext) throws -> Built

    package struct Kind: Sendable {
        package let name: String
        package let summary: String
        /// The algorithm options this kind reads.
        package let options: [any OptionDeclaration]
        package let build: Builder

        package var optionKeys: [String] { options.map(\.spec.key) }
    }

    package static let all: [Kind] = [
        Kind(name: "popular", summary: "most interacted-with items (within a segment with segment=)",
             options: [SegmentOption.segment]) { p, data, ctx in
            guard p.isGiven(SegmentOption.segment) else { return Built(model: try PopularityEstimator().fit(data, context: ctx.run)) }
            return Built(model: try SegmentOption.build(p, data, ctx))
        },
        Kind(name: "random", summary: "random items, the floor every model must beat", options: [KindOptions.seed]) { p, data, ctx in
            Built(model: try RandomEstimator(RandomParameters(seed: KindOptions.seed(p, ctx))).fit(data, context: ctx.run))
        },
        Kind(name: "bias", summary: "global mean + item bias + user bias (ratings)", options: [biasDamping]) { p, data, ctx in
            Built(model: try BiasEstimator(BiasParameters(damping: p[biasDamping])).fit(data, context: ctx.run))
        },
        Kind(name: "itemknn", summary: "item-based nearest neighbours", options: NeighborOptions.all) { p, data, ctx in
            let model = try ItemKNNEstimator(try NeighborOptions.parameters(p)).fit(data, context: ctx.run)
            return Built(model: model, facts: [NeighborOptions.keptFact(model.similar, model.options, of: "item")])
        },
        Kind(name: "userknn", summary: "user-based nearest neighbours", options: NeighborOptions.all) { p, data, ctx in
            let model = try UserKNNEstimator(try NeighborOptions.parameters(p)).fit(data, context: ctx.run)
            return Built(model: model, facts: [NeighborOptions.keptFact(model.similar, model.options, of: "user")])
        },
        Kind(name: "mf", summary: "biased matrix factorisation by SGD (ratings)", options: FactorOptions.mfAll) { p, data, ctx in
            Built(model: try BiasedMFEstimator(FactorOptions.mf(p, ctx)).fit(data, context: ctx.run))
        },
        Kind(name: "als", summary: "alternating least squares for implicit feedback", options: FactorOptions.alsAll) { p, data, ctx in
            Built(model: try ImplicitALSEstimator(FactorOptions.als(p, data, ctx)).fit(data, context: ctx.run))
        },
        Kind(name: "content", summary: "content-based, from item metadata", options: ContentOptionsParsing.all) { p, data, ctx in
            let model = try ContentOptionsParsing.build(p, data, ctx)
            return Built(model: model, facts: ContentOptionsParsing.facts(model), content: model)
        },
        Kind(name: "fm", summary: "factorisation machine over user, item, device and hour band (context-aware)",
             options: FMOptions.all) { p, data, ctx in
            try FMOptions.build(p, data, &ctx)
        },
    ]

    package static let biasDamping = CommandOption.number("damping", in: 0...1_000_000, default: BiasParameters().damping,
                                                  "bias: pulls the biases of items and users with few ratings towards 0")

    package static func kind(_ name: String) -> Kind? { all.first { $0.name == name } }

    /// Every algorithm option of any kind; the rest (interaction options, context) apply to all.
    package static var algorithmOptionKeys: Set<String> { Set(all.flatMap(\.optionKeys)) }

    /// One spec per algorithm option key, in the order the kinds first use them. Kinds sharing a key
    /// share its help; where their defaults differ the text names each kind's ("100 (mf), 64 (als)").
    package static let optionSpecs: [any OptionDeclaration] = {
        var keys: [String] = []
        var byKey: [String: [(kind: String, spec: OptionSpec)]] = [:]
        for kind in all {
            for option in kind.options {
                let spec = option.spec
                if byKey[spec.key] == nil { keys.append(spec.key) }
                byKey[spec.key, default: []].append((kind.name, spec))
            }
        }
        let merged: [OptionSpec] = keys.map { key in
            let uses = byKey[key] ?? []
            guard let first = uses.first?.spec else { return OptionSpec(key, .string, "") }
            var groups: [(text: String, kinds: [String])] = []
            for use in uses {
                let text = use.spec.defaultText ?? "none"
                if let g = groups.firstIndex(where: { $0.text == text }) { groups[g].kinds.append(use.kind) } else { groups.append((text, [use.kind])) }
            }
            guard groups.count > 1 else { return first }
            let separator = groups.contains { $0.text.contains(",") } ? "; " : ", "
            let text = groups.map { "\($0.text) (\($0.kinds.joined(separator: ", ")))" }.joined(separator: separator)
            return OptionSpec(key, first.kind, default: text, first.help)
        }
        return merged
    }()
}
