/// The models a prequential run evaluates, named by kind (`popular`, `itemknn`, …): each kind's
/// incremental model, then its batch version refitted every `batchPeriod` seconds (`MODEL/batch`)
/// when asked, then each kind re-ranked by the user's current session (`MODEL+session`) when asked.
/// `prequential` and `stream … models=` both build their models here, so they evaluate the same ones.
public struct StreamModelLineup {
    public private(set) var models: [(name: String, model: any StreamingRecommender)]
    /// Kinds with no batch version (asked for one with `batchPeriod`).
    public private(set) var withoutBatch: [StreamingModelKind] = []
    /// The pair McNemar compares by default: the first model and its session re-rank (nil without
    /// the session: the first two).
    public private(set) var sessionPair: (first: Int, second: Int)?

    public init(kinds: [StreamingModelKind], settings: StreamingModelSettings, batchPeriod: Int64? = nil, session: Bool = false) {
        models = kinds.map { ($0.rawValue, settings.make($0)) }
        if let batchPeriod {
            var batch = settings
            batch.period = batchPeriod
            for kind in kinds {
                if let model = batch.batch(kind) { models.append(("\(kind.rawValue)/batch", model)) } else { withoutBatch.append(kind) }
            }
        }
        if session {
            sessionPair = (0, models.count)
            for kind in kinds {
                models.append(("\(kind.rawValue)+session", SessionReRankedStream(settings.make(kind), neighbors: settings.neighbors)))
            }
        }
    }
}
