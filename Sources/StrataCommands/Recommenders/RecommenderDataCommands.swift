/// Recommender data and evaluation commands (splits, `evaluate`); the baselines are kinds of `recommender`.
package enum RecommenderDataCommands {
    package static let all: [CommandSpec] = SplitCommands.all + [EvaluateCommand.spec]
}
