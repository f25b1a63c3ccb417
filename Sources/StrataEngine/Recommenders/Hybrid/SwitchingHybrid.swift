/// Serves users with at least `threshold` training interactions from `primary` and the others from
/// `fallback` (typically content-based or popularity for users with little history).
public struct SwitchingHybrid: Recommender {
    public let primaryName: String
    public let primary: any Recommender
    public let fallbackName: String
    public let fallback: any Recommender
    public let threshold: Int

    public init(primary: (String, any Recommender), fallback: (String, any Recommender), threshold: Int) throws {
        try HybridChecks.sameData([primary, fallback].map { (name: $0.0, model: $0.1) })
        guard threshold >= 1 else { throw EngineError("the switching threshold must be at least 1, got \(threshold)") }
        (primaryName, self.primary) = primary
        (fallbackName, self.fallback) = fallback
        self.threshold = threshold
    }

    public var training: Interactions { primary.training }

    public var algorithmName: String {
        "switching hybrid (\(primaryName); \(fallbackName) below \(threshold) interactions)"
    }

    public func usesFallback(user: Int) -> Bool {
        guard user >= 0, user < training.userCount else { return true }
        return training.byUser.rowLength(user) < threshold
    }

    private func model(for user: Int) -> any Recommender { usesFallback(user: user) ? fallback : primary }

    public func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
        model(for: user).recommend(user: user, count: count, exclude: exclude)
    }

    public func predictRating(user: Int, item: Int) -> Double? { model(for: user).predictRating(user: user, item: item) }

    public func explain(user: Int, item: Int) -> Explanation {
        let name = usesFallback(user: user) ? fallbackName : primaryName
        let inner = model(for: user).explain(user: user, item: item)
        return Explanation(item: item, reasons: inner.reasons.map { "\(name): \($0)" })
    }

    public func similarItems(to item: Int, count: Int) -> [Recommendation]? {
        primary.similarItems(to: item, count: count) ?? fallback.similarItems(to: item, count: count)
    }
}

extension SwitchingHybrid: ColdStartCapable {
    public var coldStartRule: String {
        ColdStart.rule(of: fallback).map { "\(fallbackName)'s list, \($0.coldStartRule)" }
            ?? "none (\(fallbackName) cannot serve users without history)"
    }

    public var servesUnknownUsers: Bool { ColdStart.rule(of: fallback) != nil }

    public func recommendForUnknownUser(count: Int, exclude: Set<Int>) -> [Recommendation] {
        ColdStart.rule(of: fallback)?.recommendForUnknownUser(count: count, exclude: exclude) ?? []
    }
}
