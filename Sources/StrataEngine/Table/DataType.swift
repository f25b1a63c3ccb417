/// The logical type of a column. Storage per type is described on `ColumnData`.
public enum DataType: String, Sendable, CaseIterable, Hashable {
    case int
    case float
    case string
    case bool
    /// A calendar date, stored as days since 1970-01-01.
    case date
    /// A date and time of day without zone, stored as seconds since 1970-01-01T00:00:00.
    case timestamp

    public var isNumeric: Bool { self == .int || self == .float }
    public var isTemporal: Bool { self == .date || self == .timestamp }

    /// Parses the names a user types in `types=col:int`.
    public init?(userName: String) {
        switch userName.lowercased() {
        case "int", "integer", "int64": self = .int
        case "float", "double", "number", "real", "float64": self = .float
        case "string", "str", "text", "category": self = .string
        case "bool", "boolean": self = .bool
        case "date": self = .date
        case "timestamp", "datetime", "time": self = .timestamp
        default: return nil
        }
    }
}
