import StrataEngine

/// The context columns of a training table (`device=`, `hour=`) and contextual post-filtering
/// (`postfilter=yes`), shared by every recommender kind; the factorisation machine reads the same
/// columns.
package enum ContextTrainingOptions {
    package static let device = CommandOption.column("device", describedAs: "device, if present", "context: the device column (any values)")
    package static let hour = CommandOption.column("hour", describedAs: "hour, if present",
                                                   "context: hours 0–23, or a timestamp column (its hour), banded night/morning/afternoon/evening")
    package static let postfilter = CommandOption.flag("postfilter", default: false,
                                                       "weigh the model's lists by each item's rate on the user's device and hour band (contextual post-filtering)")
    package static let smoothing = CommandOption.number("smoothing", in: 0...1_000_000, default: ContextPostFilter.defaultSmoothing,
                                                        "postfilter: pseudo-rows pulling an item's rate in a context towards its overall rate")

    package static let all: [any OptionDeclaration] = [device, hour, postfilter, smoothing]

    /// The interactions with each row's device and hour band, from the table they were built from.
    package static func contextual(_ p: ParsedCommand, table: Table, interactions: Interactions, _ ctx: CommandContext) throws -> ContextualInteractions {
        let spec = try InteractionOptions.spec(p, table: table)
        let deviceColumn = InteractionOptions.column(p, device, table, candidates: ["device"])
        let hourColumn = InteractionOptions.column(p, hour, table, candidates: ["hour"])
        guard deviceColumn != nil || hourColumn != nil else {
            throw p.error("table \(p.subject ?? "") has no device or hour column for the context",
                          suggestion: "name them with device=COLUMN and hour=COLUMN (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        return try ContextualInteractions.build(table: table, interactions: interactions, userColumn: spec.userColumn,
                                                itemColumn: spec.itemColumn, deviceColumn: deviceColumn, hourColumn: hourColumn,
                                                context: ctx.run)
    }

    /// "context: 3 devices (desktop, mobile, tablet), 4 hour bands from 155,995 rows".
    package static func fact(_ data: ContextualInteractions) -> String {
        let v = data.vocabulary
        var parts: [String] = []
        if let c = data.deviceColumn { parts.append("\(v.devices.count) devices in \(c) (\(v.devices.joined(separator: ", ")))") }
        if let c = data.hourColumn { parts.append("\(v.bands.count) hour bands from \(c) (\(v.bands.map(\.name).joined(separator: ", ")))") }
        return "context: " + parts.joined(separator: ", ") + " over \(Format.count(data.rows.count)) training rows"
    }
}

/// `recommender fm`: the contextual factorisation machine's options, defaults from the engine.
package enum FMOptions {
    private static let d = ContextualFMParameters(seed: 0)
    package static let factors = CommandOption.int("factors", in: 1...1_000, default: d.factors, "FM: latent factors")
    package static let epochs = CommandOption.int("epochs", in: 1...10_000, default: d.epochs, "FM: passes over the training rows")
    package static let lr = CommandOption.number("lr", in: 0.000_000_1...0.999, default: d.learningRate, "FM: learning rate")
    package static let reg = CommandOption.number("reg", in: 0...1_000_000, default: d.regularization, "FM: L2 regularisation")
    package static let negatives = CommandOption.int("negatives", in: 0...100, default: d.negatives,
                                                     "FM on implicit data: unobserved items sampled per positive row, each epoch")
    package static let std = CommandOption.number("std", in: 0...10, default: d.initStd, "FM: standard deviation of the initial factors")

    package static let all: [any OptionDeclaration] = [factors, epochs, lr, reg, negatives, std, KindOptions.seed]

    package static func build(_ p: ParsedCommand, _ data: Interactions, _ ctx: inout CommandContext) throws -> RecommenderKinds.Built {
        if p.isGiven(RecommenderCommand.context) {
            throw p.error("fm learns the context itself; context= (pre-filtering) does not combine with it",
                          at: p.span(RecommenderCommand.context), suggestion: "leave context= out; ask for a context with recommend … context=")
        }
        var o = ContextualFMParameters(seed: KindOptions.seed(p, ctx))
        o.factors = p[factors]
        o.epochs = p[epochs]
        o.learningRate = p[lr]
        o.regularization = p[reg]
        o.negatives = p[negatives]
        o.initStd = p[std]
        let contextual = try ContextTrainingOptions.contextual(p, table: try ctx.subjectTable(p), interactions: data, ctx)
        let model = try ContextualFMEstimator(o).fit(contextual, context: ctx.run)
        var facts = [ContextTrainingOptions.fact(contextual),
                     "trained on \(Format.count(model.positives)) distinct (user, item, device, hour band) rows"]
        if !data.kind.isExplicit {
            facts[1] += " as positives, with \(o.negatives) sampled unobserved items each per epoch as negatives"
        }
        return RecommenderKinds.Built(model: model, facts: facts)
    }
}
