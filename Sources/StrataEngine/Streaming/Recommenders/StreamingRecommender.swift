/// One positive interaction of a stream, already encoded: dense user and item indices (the order
/// of first appearance or any fixed numbering) and the time in seconds since 1970. The incremental
/// recommenders and the prequential evaluator work on these alone, so they do not depend on how
/// the events were read.
public struct StreamInteraction: Sendable, Equatable {
    public var user: Int32
    public var item: Int32
    public var time: Int64

    public init(user: Int32, item: Int32, time: Int64) {
        self.user = user
        self.item = item
        self.time = time
    }
}

/// A recommender that learns one event at a time (positive-only implicit feedback).
///
/// The primitive is the in-place `learn(_:context:)`. `IncrementalModel.updated(with:)` is derived
/// from it: it copies the model once per call and then learns every event of the collection in
/// place. Deriving the per-event update the other way round (`updated` as the primitive) would copy
/// the co-occurrence table or the factor matrices on every event, which costs the whole model per
/// click; one shape, no per-event copies.
public protocol StreamingRecommender: IncrementalModel where Event == StreamInteraction {
    /// Learns one event in place. A model that can throw (a periodic refit, on cancellation) does
    /// all its throwing work before it changes anything, so a thrown error leaves it as it was.
    mutating func learn(_ event: StreamInteraction, context: RunContext) throws
    /// Top `count` items for `user`, leaving out `seen` (the user's items so far), best first, ties
    /// by lower item index. `scratch` holds reusable per-item working arrays.
    func recommend(user: Int, count: Int, seen: [Int32], scratch: inout StreamScratch) -> [Recommendation]
    /// The list asked for at `time` (the scored event's time, which the model has not learnt yet).
    /// Only a model whose lists depend on the moment (the current session) needs it; the default
    /// ignores it.
    func recommend(user: Int, count: Int, seen: [Int32], at time: Int64, scratch: inout StreamScratch) -> [Recommendation]
    /// Bytes held by the model's state (arrays and tables, estimated from their counts).
    var memoryBytes: Int { get }
}

extension StreamingRecommender {
    public func recommend(user: Int, count: Int, seen: [Int32], at time: Int64, scratch: inout StreamScratch) -> [Recommendation] {
        recommend(user: user, count: count, seen: seen, scratch: &scratch)
    }

    public func updated(with events: some Collection<StreamInteraction>, context: RunContext) throws -> Self {
        var next = self
        for (n, event) in events.enumerated() {
            if n & 4095 == 0 { try context.cancellation.check() }
            try next.learn(event, context: context)
        }
        return next
    }
}

/// Per-item working arrays for one model's recommendations, kept by the caller and reused from
/// event to event so scoring allocates nothing per event. Every method leaves them clear.
public struct StreamScratch: Sendable {
    var scores: [Double] = []
    var counts: [Int32] = []
    var touched: [Int32] = []
    /// The current user's items, flagged while a list is being made.
    var flags: [Bool] = []
    /// A per-item slot number (0: none), for models that bucket candidates.
    var marks: [Int32] = []
    /// The dense item-kNN's per-item row sums: overwritten by each list (its first row is copied
    /// in), so never cleared.
    var rowSums: [Double] = []
    /// The dense item-kNN's candidates for the top-k cut and its k-largest buffer.
    var bounds = CandidateBounds()
    var strongest: [Float] = []

    public init() {}

    mutating func reserve(itemCount: Int) {
        guard scores.count < itemCount else { return }
        let extra = itemCount - scores.count
        scores += repeatElement(0, count: extra)
        counts += repeatElement(0, count: extra)
        flags += repeatElement(false, count: extra)
        marks += repeatElement(0, count: extra)
        rowSums += repeatElement(0, count: extra)
    }

    mutating func flag(_ items: [Int32], _ value: Bool) {
        for i in items where Int(i) < flags.count { flags[Int(i)] = value }
    }
}
