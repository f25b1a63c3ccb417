import StrataEngine

extension MigrationPeriod: OptionChoice {}

/// A stream's own score and tiers: the declarations of `score` (criteria=, scale=) and `segment`
/// (tiers=, thresholds=, labels=), read the way those commands read them, over the profile columns.
enum StreamRuleOptions {
    static let period = CommandOption.choice("period", default: MigrationPeriod.run,
                                             "migration tables per run, day, week (Monday to Sunday) or month of the simulated clock")

    /// The rule options, all of which shape a new stream.
    static let shaping: [any OptionDeclaration] = [ScoreCommand.criteria, ScoreCommand.scale, SegmentCommand.tiers,
                                                    SegmentCommand.thresholds, SegmentCommand.labels]

    static func rules(_ parsed: ParsedCommand) throws -> StreamScoreRules? {
        guard let text = parsed[ScoreCommand.criteria] else {
            let given = [(parsed.isGiven(SegmentCommand.tiers), SegmentCommand.tiers.key),
                         (parsed.isGiven(SegmentCommand.thresholds), SegmentCommand.thresholds.key),
                         (parsed.isGiven(SegmentCommand.labels), SegmentCommand.labels.key), (parsed.isGiven(ScoreCommand.scale), ScoreCommand.scale.key)]
            for (isGiven, key) in given where isGiven {
                throw parsed.error("\(key)= belongs to a score: give criteria= too",
                                   suggestion: "e.g. criteria=\"recency:-1, frequency:1, monetary:1\" tiers=3 labels=Low,Mid,High")
            }
            return nil
        }
        let span = parsed.span(ScoreCommand.criteria)
        let profile = try Table(columns: StreamScoreRules.columns.map { Column(name: $0, data: .float([])) })
        let items = try SegmentationOptions.criteria(text, parsed, at: span, table: profile, tableName: "the stream's profiles")
        let cut: StreamScoreRules.Cut
        switch (parsed[SegmentCommand.tiers], try SegmentationOptions.numbers(SegmentCommand.thresholds, parsed)) {
        case (nil, nil):
            throw parsed.error("criteria= needs tiers=N or thresholds=… to cut the score into tiers", at: span,
                               suggestion: "e.g. tiers=3 labels=Low,Mid,High")
        case (let n?, nil): cut = .quantiles(n)
        case (nil, let t?): cut = .thresholds(t)
        case (_?, _?): throw parsed.error("give tiers= or thresholds=, not both", at: parsed.span(SegmentCommand.thresholds))
        }
        do {
            return try StreamScoreRules(criteria: SegmentationOptions.manualCriteria(items), scaling: parsed[ScoreCommand.scale], cut: cut,
                                        labels: SegmentationOptions.words(SegmentCommand.labels, parsed))
        } catch let e as EngineError {
            throw parsed.error(e.message, at: span, suggestion: e.suggestion)
        }
    }
}
