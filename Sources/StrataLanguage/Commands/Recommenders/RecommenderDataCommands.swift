/// Recommender data and evaluation commands (splits, `evaluate`); the baselines are kinds of `recommender`.
enum RecommenderDataCommands {
    static let all: [CommandSpec] = SplitCommands.all + [EvaluateCommand.spec]
}
