/// Which columns of a table make the events of a stream.
public struct EventLogSpec: Sendable, Equatable {
    public var userColumn: String
    public var itemColumn: String
    /// A timestamp, date (midnight) or integer-seconds column.
    public var timeColumn: String
    /// The column naming each event's type (view, cart, purchase), if any.
    public var eventColumn: String?
    /// The event types the stream accepts; rows of any other type are skipped and counted.
    /// nil accepts every type.
    public var acceptedTypes: [String]?
    /// Columns carried as context (device, hour), in this order in `StreamEvent.context`.
    public var contextColumns: [String]
    /// A numeric column carried as each event's amount (money for profiles), if any.
    public var valueColumn: String?

    public init(userColumn: String, itemColumn: String, timeColumn: String, eventColumn: String? = nil,
                acceptedTypes: [String]? = nil, contextColumns: [String] = [], valueColumn: String? = nil) {
        self.userColumn = userColumn
        self.itemColumn = itemColumn
        self.timeColumn = timeColumn
        self.eventColumn = eventColumn
        self.acceptedTypes = acceptedTypes
        self.contextColumns = contextColumns
        self.valueColumn = valueColumn
    }
}
