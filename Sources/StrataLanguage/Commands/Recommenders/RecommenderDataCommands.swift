/// Recommender data, baselines and evaluation commands (splits, `recommender popular|random`, `evaluate`).
enum RecommenderDataCommands {
    static let all: [CommandSpec] = SplitCommands.all + BaselineCommands.all + [EvaluateCommand.spec]
}
