/// Which cells of a session depend on which: a cell depends on the cell that last stored a name
/// it reads, before it ran. The base for re-running the cells downstream of a changed one.
public struct CellDependencies: Sendable, Equatable {
    /// Cell number → the numbers of the cells it reads from.
    public let dependsOn: [Int: Set<Int>]

    public init(_ cells: [Cell]) {
        var lastBinder: [String: Int] = [:]
        var dependsOn: [Int: Set<Int>] = [:]
        for cell in cells {
            var sources = Set<Int>()
            for name in cell.reads {
                if let source = Self.binder(of: name, in: lastBinder) { sources.insert(source) }
            }
            if !sources.isEmpty { dependsOn[cell.number] = sources }
            // A failed cell stored nothing (its `binds` is empty).
            for name in cell.binds { lastBinder[name] = cell.number }
        }
        self.dependsOn = dependsOn
    }

    /// The cell that stored `name`: the name itself, or the value it belongs to (`parts` for
    /// `parts.train`, which a split stores with `parts`).
    private static func binder(of name: String, in lastBinder: [String: Int]) -> Int? {
        var candidate = Substring(name)
        while true {
            if let cell = lastBinder[String(candidate)] { return cell }
            guard let dot = candidate.lastIndex(of: ".") else { return nil }
            candidate = candidate[..<dot]
        }
    }

    /// The cells that depend on `cell`, directly or through others, in order.
    public func downstream(of cell: Int) -> [Int] {
        // A cell depends only on earlier cells, so one pass in order sees every source first.
        var found = Set([cell])
        var out: [Int] = []
        for dependent in dependsOn.keys.sorted() where dependent > cell {
            if let sources = dependsOn[dependent], !sources.isDisjoint(with: found) {
                found.insert(dependent)
                out.append(dependent)
            }
        }
        return out
    }
}
