import StrataEngine

/// Finding a recommender and the users and items a command names, with messages that say what was
/// wrong and what to do instead.
package enum RecommenderLookup {
    package static func model(_ parsed: ParsedCommand, slot: String, _ ctx: CommandContext) throws -> RecommenderObject {
        let name = parsed.text(slot) ?? ""
        guard let value = ctx.workspace[name] else {
            throw parsed.error("no recommender '\(name)'", at: parsed.span(slot), suggestion: recommenderHint(name, ctx))
        }
        guard case .object(let object) = value, let recommender = object as? RecommenderObject else {
            throw parsed.error("'\(name)' is a \(value.kindName), not a recommender", at: parsed.span(slot),
                               suggestion: recommenderHint(name, ctx))
        }
        return recommender
    }

    package static func recommenderNames(_ ctx: CommandContext) -> [String] {
        ctx.workspace.names.filter { n in
            if case .object(let o)? = ctx.workspace[n], o is RecommenderObject { return true }
            return false
        }
    }

    private static func recommenderHint(_ name: String, _ ctx: CommandContext) -> String {
        let names = recommenderNames(ctx)
        if let close = Suggestions.didYouMean(name, among: names) { return close }
        return names.isEmpty ? "build one first, e.g. recommender itemknn ratings as iknn"
            : "recommenders: " + names.joined(separator: ", ")
    }

    /// The item's index in the model's training data, or an error naming the item.
    package static func item(_ id: String, in model: any Recommender, _ parsed: ParsedCommand, at span: SourceSpan) throws -> Int {
        if let i = model.training.itemIndex(id) { return i }
        throw parsed.error("item '\(id)' is not in the training data of \(model.algorithmName)", at: span,
                           suggestion: Suggestions.didYouMean(id, among: Array(model.training.itemIds.prefix(50_000)))
                            ?? "items are identified as in the training table's item column")
    }

    /// The user's index, or nil for a user absent from training (a cold user).
    package static func user(_ id: String, in model: any Recommender) -> Int? { model.training.userIndex(id) }
}
