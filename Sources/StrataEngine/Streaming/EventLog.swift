/// A behaviour log as a stream: events in time order with the ids they use and what reading
/// them found. Built once from a table, then grown by `appending` when a followed file gets new
/// rows; events already in the log never move, so a `StreamCursor` into it stays valid.
public struct EventLog: Sendable {
    public let spec: EventLogSpec
    public private(set) var events: [StreamEvent] = []
    public private(set) var vocabulary: StreamVocabulary
    /// Everything read so far.
    public private(set) var report = EventLogReport()
    /// The newest event time read so far.
    public private(set) var latestTime: Int64?

    /// An empty log for `spec`, ready for `appending`.
    public init(spec: EventLogSpec) {
        self.spec = spec
        vocabulary = StreamVocabulary(contextColumns: spec.contextColumns.count)
    }

    /// The events of `table` in time order (ties in row order). Rows with no time, user, item or
    /// an unaccepted event type are skipped and counted. Throws when a column is missing or of
    /// the wrong type, or when no row makes an event.
    public static func build(from table: Table, spec: EventLogSpec, context: RunContext) throws -> EventLog {
        let (log, _) = try EventLog(spec: spec).appending(table, context: context)
        guard !log.events.isEmpty else {
            throw EngineError("no events: none of the \(table.rowCount) rows has a time, user and item\(spec.acceptedTypes == nil ? "" : " of an accepted type")",
                              suggestion: "check the user=, item= and time= columns")
        }
        return log
    }

    /// This log with the rows of `table` added after the events already in it, and the report of
    /// this read alone. Rows are numbered on from the rows read before. The log is unchanged when
    /// this throws.
    public func appending(_ table: Table, context: RunContext) throws -> (EventLog, EventLogReport) {
        var next = self
        let read = try EventRows.read(table, spec: spec, firstRow: report.rowsRead, vocabulary: &next.vocabulary,
                                      context: context)
        var batch = read.report
        if let latest = latestTime {
            for e in read.events where e.time < latest {
                if batch.late == 0 || e.row + 1 < batch.firstLateRow ?? Int.max { batch.firstLateRow = e.row + 1 }
                batch.late += 1
            }
        }
        next.events.append(contentsOf: read.events)
        for e in read.events { next.latestTime = max(next.latestTime ?? e.time, e.time) }
        next.report = report.merged(with: batch)
        return (next, batch)
    }
}
