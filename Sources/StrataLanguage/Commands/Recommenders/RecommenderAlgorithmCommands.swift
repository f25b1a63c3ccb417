/// The recommender commands of this group that train and use models.
enum RecommenderAlgorithmCommands {
    static let all: [CommandSpec] = [RecommenderCommand.spec, RecommenderHybridCommand.spec] + RecommendCommands.all
}
