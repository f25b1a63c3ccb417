/// The "batch every period" baseline: a batch recommender refitted on everything seen so far each
/// time the stream's clock passes a period boundary, and frozen in between. The refit happens on
/// the first event at or past the boundary (which it includes); until the first refit there is
/// no model and every list is empty. A user who arrived after the last refit gets what the frozen
/// model gives a user it does not know: nothing (that is what retraining weekly costs).
public struct PeriodicBatchRecommender: StreamingRecommender {
    public typealias Fit = @Sendable (Interactions, RunContext) throws -> any Recommender
    public let baseName: String
    private let fit: Fit
    private var log: RefitLog
    private(set) var model: (any Recommender)?
    public private(set) var refits = 0

    public init(name: String, period seconds: Int64, fit: @escaping Fit) {
        baseName = name
        self.fit = fit
        log = RefitLog(period: seconds)
    }

    public var algorithmName: String { "\(model?.algorithmName ?? baseName), refitted every \(StreamPeriod.describe(seconds: Double(log.period)))" }
    public var parameterValues: [ParameterValue] {
        [ParameterValue("period", StreamPeriod.describe(seconds: Double(log.period)))] + (model?.parameterValues ?? [])
    }

    public mutating func learn(_ event: StreamInteraction, context: RunContext) throws {
        let fit = self.fit
        if let refitted = try log.append(event, refittingWith: { try fit($0, context) }) {
            model = refitted
            refits += 1
        }
    }

    public func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation] {
        guard let model, user >= 0, user < model.training.userCount else { return [] }
        return model.recommend(user: user, count: count, exclude: Set(seen.lazy.map(Int.init)))
    }

    public var memoryBytes: Int {
        guard let model else { return log.memoryBytes }
        return log.memoryBytes + model.training.count * 24
    }
}
