/// The rewards of recommendation strategies as bandit arms: for each test user, whether each
/// model's top-k list (the user's own training items left out) hits at least one of the user's
/// held-out items.
public struct RecommenderArms: Sendable {
    /// Test users every model knows and who have held-out items, in first-seen order.
    public let users: [String]
    /// `hits[u][m]`: 1 when model m's list for user u holds a held-out item, else 0.
    public let hits: [[Double]]
    /// Test users left out because some model's training data lacks them.
    public let usersUnknownToSomeModel: Int

    /// `users` and `items` are the held-out (test) table's columns, read as the models' training
    /// data reads ids.
    public init(models: [any Recommender], users userColumn: Column, items itemColumn: Column, k: Int, context: RunContext) throws {
        guard k >= 1 else { throw EngineError("k must be at least 1, got \(k)") }
        guard userColumn.count == itemColumn.count else { throw EngineError("the user and item columns differ in length") }
        var order: [String] = []
        var items: [String: Set<String>] = [:]
        for row in 0..<userColumn.count {
            let user = IdEncoder.idText(userColumn, row: row), item = IdEncoder.idText(itemColumn, row: row)
            guard !user.isEmpty && !item.isEmpty else { continue }
            if items[user] == nil { order.append(user) }
            items[user, default: []].insert(item)
        }
        let known = order.filter { user in models.allSatisfy { $0.training.userIndex(user) != nil } }
        var hits = Array(repeating: Array(repeating: 0.0, count: models.count), count: known.count)
        for (m, model) in models.enumerated() {
            let indices = known.compactMap { model.training.userIndex($0) }
            let lists = try BatchRecommendation.recommend(model, users: indices, count: Swift.min(k, model.training.itemCount),
                                                          excludeSeen: true, context: context)
            for (u, list) in lists.enumerated() where u < known.count {
                let wanted = items[known[u]] ?? []
                let ids = model.training.itemIds
                if list.contains(where: { $0.item >= 0 && $0.item < ids.count && wanted.contains(ids[$0.item]) }) { hits[u][m] = 1 }
            }
        }
        users = known
        self.hits = hits
        usersUnknownToSomeModel = order.count - known.count
    }
}

/// Context labels as users type them (42 for an int, the text of a string).
public enum BanditContextLabel {
    public static func text(_ column: Column, row: Int) -> String { IdEncoder.idText(column, row: row) }
}
