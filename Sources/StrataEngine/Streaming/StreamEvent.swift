/// One event of a behaviour log, as the stream delivers it. Users, items, event types and context
/// values are small ids into the log's `StreamVocabulary`, so incremental models index arrays
/// rather than hash strings on every event.
public struct StreamEvent: Sendable {
    /// The row the event came from, counted from 0 over every row read (the table's row, or for a
    /// followed file the data row across all reads), so messages can name it.
    public let row: Int
    /// Seconds since 1970-01-01T00:00:00, the representation of `DataType.timestamp`.
    public let time: Int64
    /// Id in `StreamVocabulary.users`.
    public let user: Int32
    /// Id in `StreamVocabulary.items`.
    public let item: Int32
    /// Id in `StreamVocabulary.eventTypes`, or -1 when the log has no event column.
    public let type: Int32
    /// One id per context column (`StreamVocabulary.contexts`), -1 where the value is missing.
    public let context: [Int32]
    /// The event's amount (`EventLogSpec.valueColumn`), NaN when there is none.
    public let value: Double

    public init(row: Int, time: Int64, user: Int32, item: Int32, type: Int32 = -1, context: [Int32] = [],
                value: Double = .nan) {
        self.row = row
        self.time = time
        self.user = user
        self.item = item
        self.type = type
        self.context = context
        self.value = value
    }
}

/// Texts ↔ ids for one kind of identifier. Ids are handed out in order of first arrival in the
/// stream and never change, so a model built on the first chunk still indexes correctly after
/// more rows are read (sorted numbering, as batch recommenders use, would shift on every read).
public struct StreamIds: Sendable, Equatable {
    public private(set) var texts: [String] = []
    private var index: [String: Int32] = [:]

    public init() {}

    public var count: Int { texts.count }

    public func id(of text: String) -> Int32? { index[text] }

    public func text(of id: Int32) -> String {
        id >= 0 && Int(id) < texts.count ? texts[Int(id)] : ""
    }

    /// The id of `text`, adding it when new.
    public mutating func intern(_ text: String) -> Int32 {
        if let known = index[text] { return known }
        let id = Int32(truncatingIfNeeded: texts.count)
        texts.append(text)
        index[text] = id
        return id
    }
}

/// The ids of every identifier a log has seen.
public struct StreamVocabulary: Sendable, Equatable {
    public var users = StreamIds()
    public var items = StreamIds()
    public var eventTypes = StreamIds()
    /// One set per context column, in `EventLogSpec.contextColumns` order.
    public var contexts: [StreamIds]

    public init(contextColumns: Int = 0) {
        contexts = Array(repeating: StreamIds(), count: contextColumns)
    }

    /// The context value of `event` in column `index` as text, "" when missing.
    public func contextText(_ event: StreamEvent, column index: Int) -> String {
        guard contexts.indices.contains(index), event.context.indices.contains(index) else { return "" }
        return contexts[index].text(of: event.context[index])
    }
}
