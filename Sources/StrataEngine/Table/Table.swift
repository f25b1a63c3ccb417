/// A named set of equally long typed columns. Value semantics: copies share storage until written,
/// so a command can work on a copy and the workspace keeps the original if it fails.
public struct Table: Sendable {
    public private(set) var columns: [Column]
    public private(set) var rowCount: Int

    /// Builds a table; columns must be equally long and uniquely named.
    public init(columns: [Column]) throws {
        let n = columns.first?.count ?? 0
        var seen = Set<String>()
        for c in columns {
            guard c.count == n else {
                throw EngineError("column '\(c.name)' has \(c.count) rows where the others have \(n)")
            }
            guard seen.insert(c.name).inserted else {
                throw EngineError("duplicate column name '\(c.name)'", suggestion: "rename one of them")
            }
        }
        self.columns = columns
        self.rowCount = n
    }

    public static let empty = Table(uncheckedColumns: [], rowCount: 0)

    /// For callers that already guarantee equal lengths and unique names.
    public init(uncheckedColumns columns: [Column], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    public var columnCount: Int { columns.count }
    public var columnNames: [String] { columns.map(\.name) }

    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    public func column(_ name: String) -> Column? { columnIndex(name).map { columns[$0] } }

    /// The rows at `indices`, in that order (-1 gives an all-missing row).
    public func takingRows(_ indices: [Int]) -> Table {
        Table(uncheckedColumns: columns.map { $0.taking(indices) }, rowCount: indices.count)
    }

    /// Adds a column, or replaces the one with the same name in place.
    public mutating func setColumn(_ column: Column) throws {
        guard column.count == rowCount || columns.isEmpty else {
            throw EngineError("column '\(column.name)' has \(column.count) rows, the table has \(rowCount)")
        }
        if columns.isEmpty { rowCount = column.count }
        if let i = columnIndex(column.name) {
            columns[i] = column
        } else {
            columns.append(column)
        }
    }

    /// Keeps the named columns in the given order.
    public func selecting(_ names: [String]) throws -> Table {
        var out: [Column] = []
        for n in names {
            guard let c = column(n) else { throw EngineError("no column '\(n)'") }
            out.append(c)
        }
        return try Table(columns: out)
    }

    public func dropping(_ names: Set<String>) -> Table {
        Table(uncheckedColumns: columns.filter { !names.contains($0.name) }, rowCount: rowCount)
    }

    public mutating func renameColumn(_ old: String, to new: String) throws {
        guard let i = columnIndex(old) else { throw EngineError("no column '\(old)'") }
        if old != new, columnIndex(new) != nil { throw EngineError("a column named '\(new)' already exists") }
        columns[i].name = new
    }
}
