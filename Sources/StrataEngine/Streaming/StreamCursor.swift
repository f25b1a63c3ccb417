/// Where a stream has got to in its log, with the simulated clock. Reading is two steps so that
/// models only ever see whole chunks: `nextChunk` says which events come next, the caller applies
/// them to every model, and only then `advance(over:)` moves the cursor. A chunk abandoned
/// half-way (an error, Ctrl-C) leaves the cursor where it was, and the next read starts there.
public struct StreamCursor: Sendable, Equatable {
    /// The index in `EventLog.events` of the next event to apply.
    public private(set) var position = 0
    /// The simulated time: the time of the last event applied, or the `until` time the stream
    /// stopped at when that is later. nil before anything is applied.
    public private(set) var clock: Int64?

    public init() {}

    /// The next at most `size` events not yet applied, none later than `until`; nil when there
    /// are none.
    public func nextChunk(in log: EventLog, size: Int, until: Int64? = nil) -> Range<Int>? {
        let events = log.events
        guard position < events.count, size > 0 else { return nil }
        var end = min(events.count, position + max(1, size))
        if let until {
            // Events are in time order except for late rows of a later read (see
            // `EventLogReport.lateRule`), so the first event past `until` ends the chunk.
            var i = position
            while i < end, events[i].time <= until { i += 1 }
            end = i
        }
        return end > position ? position..<end : nil
    }

    /// Marks `chunk` (from `nextChunk`) as applied.
    public mutating func advance(over chunk: Range<Int>, in log: EventLog) {
        guard chunk.lowerBound == position, chunk.upperBound <= log.events.count, !chunk.isEmpty else { return }
        position = chunk.upperBound
        for e in log.events[chunk] { clock = max(clock ?? e.time, e.time) }
    }

    /// The stream stopped at `until` with nothing earlier left: the clock moves on to it.
    public mutating func stop(at until: Int64) {
        clock = max(clock ?? until, until)
    }

    /// Events read but not yet applied.
    public func backlog(in log: EventLog) -> Int { max(0, log.events.count - position) }

    /// How far the clock is behind the newest event read, in seconds (0 when caught up).
    public func lagSeconds(in log: EventLog) -> Int64 {
        guard let latest = log.latestTime else { return 0 }
        let from = clock ?? log.events.first?.time ?? latest
        // Integer-seconds columns can hold any Int64; a difference that overflows is as large as it gets.
        let (lag, overflow) = latest.subtractingReportingOverflow(from)
        return overflow ? Int64.max : max(0, lag)
    }
}
