import StrataEngine

/// Where a stream's rows come from.
package enum StreamSource: Sendable {
    /// A table of the workspace, read whole when the stream was made.
    case table(String)
    /// A CSV file, read as it grows when followed.
    case file(FollowedFile)

    package var description: String {
        switch self {
        case .table(let name): return "table \(name)"
        case .file(let f): return "\"\(f.path)\""
        }
    }
}

/// A stream bound in the workspace (`stream … as NAME`): its log, how far it has been applied,
/// and the consumers it feeds. A second `stream` under the same name continues from the cursor.
package struct StreamObject: WorkspaceObject {
    package var source: StreamSource
    package var log: EventLog
    package var cursor: StreamCursor
    package var profiles: StreamProfiles
    /// Further consumers (incremental recommenders), fed after the profiles.
    package var others: [AnyStreamConsumer]
    /// The shaping options the stream was made with, as given (a later `stream` that repeats
    /// them is not warned).
    package var shapedBy: [String: OptionValue] = [:]

    package var kindName: String { "event stream" }

    package var summary: String {
        let clock = cursor.clock.map { CivilCalendar.formatTimestamp(seconds: $0) } ?? "not started"
        return "\(Format.count(cursor.position)) of \(Format.count(log.events.count)) events of \(source.description) applied, "
            + "clock \(clock); feeds \(([profiles.consumerName] + others.map(\.consumerName)).joined(separator: ", "))"
    }
}

extension StreamObject {
    /// The incremental recommenders the stream feeds (`models=`), when it has them.
    var recommenders: StreamRecommenders? { others.lazy.compactMap { $0.base as? StreamRecommenders }.first }

    /// The stream with the board watching `users` (ids as the log writes them).
    func watching(_ users: [String]) -> StreamObject {
        var next = self
        next.others = others.map { consumer in
            guard var r = consumer.base as? StreamRecommenders else { return consumer }
            r.watched = users
            return AnyStreamConsumer(r)
        }
        return next
    }
}
