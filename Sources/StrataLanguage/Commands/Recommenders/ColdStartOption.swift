import StrataEngine

/// `fallback=popular`: what a command does for users a model has no history for.
enum ColdStartOption {
    static let option = OptionSpec(
        "fallback", .choice(["none", "popular"]), default: "none",
        "users without history (absent from training, or with no training interaction) get the most popular items of the "
            + "model's training data; models with their own cold-start rule (mf, popular, switching hybrids) keep it")

    static func wantsPopular(_ p: ParsedCommand) -> Bool { p.string("fallback", default: "none") == "popular" }

    /// The model as the command uses it: wrapped in `PopularityFallback` when asked and it has no rule.
    static func model(_ p: ParsedCommand, _ model: any Recommender) -> any Recommender {
        ColdStart.applying(popularFallback: wantsPopular(p), to: model)
    }

    /// "user 7 is not in the training data of knn; showing the 10 most popular items (fallback=popular)".
    static func note(user id: String, modelName: String, served: any Recommender, count: Int, known: Bool) -> String {
        let situation = known ? "user \(id) has no training interactions in \(modelName)"
            : "user \(id) is not in the training data of \(modelName)"
        if served is PopularityFallback { return situation + "; showing the \(count) most popular items (fallback=popular)" }
        let rule = ColdStart.rule(of: served)?.coldStartRule ?? "nothing"
        return situation + "; showing \(rule) (\(modelName)'s cold-start rule)"
    }

    /// The error for a user the model cannot serve.
    static func refusal(_ p: ParsedCommand, user id: String, modelName: String, model: any Recommender, at span: SourceSpan) -> SyntaxError {
        p.error("user '\(id)' is not in the training data of \(modelName), and \(model.algorithmName) has no cold-start rule",
                at: span, suggestion: "add fallback=popular to show the most popular items instead, or use mf or a switching hybrid")
    }
}
