/// The recommender commands of this group that train and use models.
package enum RecommenderAlgorithmCommands {
    package static let all: [CommandSpec] = [RecommenderCommand.spec, RecommenderHybridCommand.spec] + RecommendCommands.all
}
