/// Anything a stream feeds: profiles, segments, cluster centres, incremental recommenders. A
/// consumer is a value: `consuming` returns the consumer after a whole chunk and leaves `self`
/// as it was, so a chunk that fails or is cancelled half-way changes nothing.
public protocol StreamConsumer: Sendable {
    /// A short name for the board and the output ("profiles", "k-means", "item-kNN").
    var consumerName: String { get }
    /// This consumer after `chunk`, a run of consecutive events of `log` in stream order.
    func consuming(_ chunk: ArraySlice<StreamEvent>, log: EventLog, context: RunContext) throws -> Self
    /// This consumer when the simulated clock moves to `time` with no event (a stream stopped at
    /// `until`): time-driven state such as recency catches up. Most consumers need nothing.
    func clockAdvanced(to time: Int64, log: EventLog) -> Self
    /// Lines for the live board: a label, the current value, and an optional history for a sparkline.
    func boardRows(log: EventLog) -> [BoardRow]
}

extension StreamConsumer {
    public func clockAdvanced(to time: Int64, log: EventLog) -> Self { self }
}

/// One line of the live board.
public struct BoardRow: Sendable, Equatable {
    public let label: String
    public let value: String
    /// Recent values, oldest first, drawn as a sparkline; empty for none.
    public let history: [Double]

    public init(label: String, value: String, history: [Double] = []) {
        self.label = label
        self.value = value
        self.history = history
    }
}

/// Type erasure so a stream can hold consumers of different kinds in one list.
public struct AnyStreamConsumer: Sendable {
    public let base: any StreamConsumer

    public init(_ base: any StreamConsumer) { self.base = base }

    public var consumerName: String { base.consumerName }

    public func consuming(_ chunk: ArraySlice<StreamEvent>, log: EventLog, context: RunContext) throws -> AnyStreamConsumer {
        AnyStreamConsumer(try base.consuming(chunk, log: log, context: context))
    }

    public func clockAdvanced(to time: Int64, log: EventLog) -> AnyStreamConsumer {
        AnyStreamConsumer(base.clockAdvanced(to: time, log: log))
    }

    public func boardRows(log: EventLog) -> [BoardRow] { base.boardRows(log: log) }
}
