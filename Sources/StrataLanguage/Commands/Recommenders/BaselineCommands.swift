import StrataEngine

/// `recommender popular` and `recommender random`: the baselines every model is compared with.
enum BaselineCommands {
    static let all: [CommandSpec] = [popular, random]

    static let popular = CommandSpec(
        "recommender popular", group: .recommenders, summary: "Recommend the items most users interacted with (baseline).",
        arguments: [.table("table", help: "training interactions")],
        options: InteractionOptions.specs,
        binding: .named { _ in "pop" },
        details: "Scores each item by how many training users interacted with it; ties go to the item with the lower "
            + "id. Every user gets the same list, minus items they already have. Implicit data: "
            + "event=event weights=view:1,cart:3,purchase:5 weighs event types (repeats are summed), weight=COLUMN "
            + "takes a numeric strength; with neither and no rating column every row counts 1.",
        examples: ["recommender popular ratings as pop",
                   "recommender popular tx user=customer_id weight=quantity as bestsellers"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let built = try InteractionOptions.build(parsed, table: table, context: ctx.run)
        return try bindModel(PopularRecommender(training: built.interactions), built: built, parsed: parsed, ctx: &ctx)
    }

    static let random = CommandSpec(
        "recommender random", group: .recommenders, summary: "Recommend items at random (the floor any model must clear).",
        arguments: [.table("table", help: "training interactions")],
        options: InteractionOptions.specs + [OptionSpec("seed", .int(nil), default: "the session seed", "random seed")],
        binding: .named { _ in "rand" },
        details: "Each user's list is drawn from the training items with its own stream of the seed, so it does not "
            + "depend on which other users are asked.",
        examples: ["recommender random ratings seed=1 as rand"]
    ) { parsed, ctx in
        let table = try ctx.subjectTable(parsed)
        let built = try InteractionOptions.build(parsed, table: table, context: ctx.run)
        let model = RandomRecommender(training: built.interactions, seed: parsed.seed(ctx.workspace.settings))
        return try bindModel(model, built: built, parsed: parsed, ctx: &ctx)
    }

    /// Binds a trained model and says what was trained on what; shared by every `recommender` command.
    static func bindModel(_ model: any Recommender, built: BuiltInteractions, parsed: ParsedCommand,
                          ctx: inout CommandContext) throws -> CommandOutput {
        let object = RecommenderObject(model: model, report: built.report)
        let name = try ctx.bindResult(object, for: parsed)
        var out = CommandOutput.note("\(name): \(object.summary)")
        for line in built.report.notes { out.append(.note(line)) }
        return out
    }
}
