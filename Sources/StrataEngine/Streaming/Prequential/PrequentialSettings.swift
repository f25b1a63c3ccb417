/// How a prequential run scores (Vinagre, Jorge & Gama 2014): for each event of a known user
/// whose item is new to that user, recommend `top` items leaving out the user's items, count a
/// hit when the event's item is in the list, then let every model learn the event.
public struct PrequentialSettings: Sendable, Equatable {
    /// List length N.
    public var top = 10
    /// Scored events in the sliding window.
    public var window = 1_000
    /// α of the faded means (1 would be the plain running mean).
    public var fading = 0.999
    /// Score one eligible event in this many (every event still updates the models); 1 scores all.
    public var every = 1
    /// A point of the metric series every this many scored events; nil: one per window.
    public var pointEvery: Int?

    public init() {}

    public var step: Int { max(1, pointEvery ?? window) }

    public func validate() throws {
        guard top >= 1 else { throw EngineError("top must be at least 1, got \(top)") }
        guard window >= 1 else { throw EngineError("window must be at least 1 event, got \(window)") }
        guard fading > 0, fading <= 1 else {
            throw EngineError("the fading factor must be in (0, 1], got \(fading)", suggestion: "0.999 forgets about a thousand events")
        }
        guard every >= 1 else { throw EngineError("every must be at least 1, got \(every)") }
    }
}

/// One point of the metric series: one model's metrics after `events` events.
public struct PrequentialPoint: Sendable, Equatable {
    public let events: Int
    public let time: Int64
    public let model: Int
    public let windowed: PrequentialMetrics.Values
    public let faded: PrequentialMetrics.Values
    public let memoryBytes: Int
}

/// What became of the events a consumer saw.
public struct PrequentialCounts: Sendable, Equatable {
    public var events = 0
    /// Events of a known user with an item new to them.
    public var eligible = 0
    /// Eligible events that were scored (all of them unless `every` > 1).
    public var scored = 0
    /// A user's first event: nothing is known to recommend from.
    public var newUsers = 0
    /// The user had the item already: it is excluded from their list, so it cannot be a hit.
    public var repeats = 0
    /// Scored events whose item no event had shown before (a miss for every model).
    public var newItems = 0
}
