/// How pass 2 turns one column's fields into values, decided by inference or by `types=`.
enum CSVColumnPlan: Sendable, Equatable {
    /// `grouped` also accepts thousands separators (`1,234`).
    case int(grouped: Bool)
    case float(grouped: Bool)
    /// `acceptDigits` also reads 1/0, which only a forced bool column does.
    case bool(acceptDigits: Bool)
    case date(CSVDateForms)
    case timestamp(CSVDateForms)
    case string

    var dataType: DataType {
        switch self {
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .date: return .date
        case .timestamp: return .timestamp
        case .string: return .string
        }
    }

    /// The lenient plan for a type the user forced: every form the type can be written in.
    static func forced(_ type: DataType, pattern: CSVDatePattern?) -> CSVColumnPlan {
        let dateForms: CSVDateForms = pattern == nil ? [.iso, .us] : [.iso, .custom]
        switch type {
        case .int: return .int(grouped: true)
        case .float: return .float(grouped: true)
        case .bool: return .bool(acceptDigits: true)
        case .date: return .date(dateForms)
        case .timestamp: return .timestamp(dateForms)
        case .string: return .string
        }
    }

    /// Whether a non-missing field converts under this plan (pass 1 checks forced columns so
    /// that bad rows are known before anything is stored).
    func accepts(_ field: UnsafeBufferPointer<UInt8>, pattern: CSVDatePattern?) -> Bool {
        switch self {
        case .int(let grouped):
            return (grouped ? CSVNumberParsing.parseGroupedInt(field) : CSVNumberParsing.parseInt(field)) != nil
        case .float(let grouped):
            return (grouped ? CSVNumberParsing.parseGroupedDouble(field) : CSVNumberParsing.parseDouble(field)) != nil
        case .bool(let acceptDigits):
            return CSVBoolParsing.parse(field, acceptDigits: acceptDigits) != nil
        case .date(let forms):
            return CSVDateParsing.parseDate(field, forms: forms, pattern: pattern) != nil
        case .timestamp(let forms):
            return CSVDateParsing.parseTimestamp(field, forms: forms, pattern: pattern) != nil
        case .string:
            return true
        }
    }

    /// How the type is named in messages ("cannot read 'x' as a date").
    var articleAndName: String {
        switch self {
        case .int: return "an int"
        case .float: return "a float"
        case .bool: return "a bool (true/false, yes/no, 1/0)"
        case .date: return "a date"
        case .timestamp: return "a timestamp"
        case .string: return "a string"
        }
    }
}
