import StrataEngine

/// `fallback=popular`: what a command does for users a model has no history for.
package enum ColdStartOption {
    package enum Fallback: String, OptionChoice {
        case none
        case popular
    }

    package static let option = CommandOption.choice(
        "fallback", default: Fallback.none,
        "users without history (absent from training, or with no training interaction) get the most popular items of the "
            + "model's training data; models with their own cold-start rule (mf, popular, switching hybrids) keep it")

    /// evaluate's wording of the same option.
    package static let forEvaluation = CommandOption.choice(
        "fallback", default: Fallback.none,
        "serve test users absent from training (cold=serve) with the most popular training items, for models without a cold-start rule of their own")

    package static func wantsPopular(_ p: ParsedCommand, _ option: CommandOption<Fallback> = option) -> Bool {
        switch p[option] {
        case .none: return false
        case .popular: return true
        }
    }

    /// The model as the command serves it: wrapped in `PopularityFallback` when asked and it has no rule.
    package static func served(_ p: ParsedCommand, _ model: any Recommender, _ option: CommandOption<Fallback> = option) -> ServedRecommender {
        ColdStart.applying(popularFallback: wantsPopular(p, option), to: model)
    }

    /// "user 7 is not in the training data of knn; showing the 10 most popular items (fallback=popular)".
    package static func note(user id: String, modelName: String, served: ServedRecommender, count: Int, known: Bool) -> String {
        let situation = known ? "user \(id) has no training interactions in \(modelName)"
            : "user \(id) is not in the training data of \(modelName)"
        if served.popularFallback != nil { return situation + "; showing the \(count) most popular items (fallback=popular)" }
        let rule = served.model.coldStart?.coldStartRule ?? "nothing"
        return situation + "; showing \(rule) (\(modelName)'s cold-start rule)"
    }

    /// The error for a user the model cannot serve.
    package static func refusal(_ p: ParsedCommand, user id: String, modelName: String, model: any Recommender, at span: SourceSpan) -> SyntaxError {
        p.error("user '\(id)' is not in the training data of \(modelName), and \(model.algorithmName) has no cold-start rule",
                at: span, suggestion: "add fallback=popular to show the most popular items instead, or use mf or a switching hybrid")
    }
}
