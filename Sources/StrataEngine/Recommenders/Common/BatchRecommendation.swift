/// A recommender that ranks many users faster together than one at a time (the factor models
/// score blocks of users against cached tiles of items).
public protocol BatchRecommender: Recommender {
    /// Top `count` for each of `users`, in order; with `excludeSeen`, each user's training items are left out.
    func recommend(users: [Int], count: Int, excludeSeen: Bool, context: RunContext) throws -> [[Recommendation]]
}

public enum BatchRecommendation {
    /// Top `count` for each of `users` with any recommender: its batch path when it has one,
    /// otherwise one user at a time on all cores. Same lists as calling `recommend` per user.
    public static func recommend(
        _ model: any Recommender, users: [Int], count: Int, excludeSeen: Bool, context: RunContext
    ) throws -> [[Recommendation]] {
        if let batch = model.batchRecommender {
            return try batch.recommend(users: users, count: count, excludeSeen: excludeSeen, context: context)
        }
        let chunks = FixedChunks(total: users.count, parts: FixedChunks.defaultParts)
        let parts = try chunks.map(cancellation: context.cancellation) { range -> [[Recommendation]] in
            var lists: [[Recommendation]] = []
            lists.reserveCapacity(range.count)
            for (n, u) in users[range].enumerated() {
                if n & 255 == 0 { try context.cancellation.check() }
                let exclude = excludeSeen ? model.training.seenItems(user: u) : []
                lists.append(model.recommend(user: u, count: count, exclude: exclude))
            }
            return lists
        }
        return parts.flatMap { $0 }
    }
}
