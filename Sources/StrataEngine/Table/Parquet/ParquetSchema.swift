/// A file's schema flattened to its leaf columns, in the order the row groups store their chunks.
/// Top-level primitive fields become Strata columns; leaves under groups (structs, lists, maps)
/// are listed as skipped with the reason.
struct ParquetSchema: Sendable {
    struct Leaf: Sendable {
        /// Position among all leaves = position of its chunk in every row group.
        let index: Int
        let path: [String]
        let element: ParquetSchemaElement
        /// Whether a value can be missing (an optional top-level field).
        let isOptional: Bool
        /// Why the leaf cannot be a Strata column, or nil.
        let skipReason: String?
        let kind: ParquetValueKind?
    }

    let leaves: [Leaf]
    /// Top-level fields that are groups (struct, list, map), each named once with why it was skipped.
    let skippedGroups: [(name: String, reason: String)]

    static let maxDepth = 64

    init(_ elements: [ParquetSchemaElement]) throws {
        var leaves: [Leaf] = []
        var skippedGroups: [(String, String)] = []
        var position = 1
        let rootChildren = elements[0].childCount
        guard rootChildren <= elements.count - 1 else {
            throw ParquetError.Corrupt("the schema root claims \(rootChildren) fields but only \(elements.count - 1) are listed")
        }
        for _ in 0..<rootChildren {
            guard position < elements.count else { throw ParquetError.Corrupt("the schema ends early") }
            let top = elements[position]
            if top.childCount == 0 && top.physicalType != nil {
                let nestedReason: String? = top.repetition == .repeated ? "repeated field (a list)" : nil
                let mapping = ParquetValueKind.mapping(for: top)
                let reason = nestedReason ?? mapping.reason
                leaves.append(Leaf(index: leaves.count, path: [top.name], element: top, isOptional: top.repetition == .optional,
                                   skipReason: reason, kind: reason == nil ? mapping.kind : nil))
                position += 1
                continue
            }
            if top.childCount == 0 {
                throw ParquetError.Corrupt("schema field '\(top.name)' has neither a type nor children")
            }
            var paths: [[String]] = []
            position = try Self.collectLeaves(elements, at: position, prefix: [], depth: 0, into: &paths)
            let reason = Self.groupReason(top)
            skippedGroups.append((top.name, reason))
            for path in paths {
                leaves.append(Leaf(index: leaves.count, path: path, element: top, isOptional: true,
                                   skipReason: reason, kind: nil))
            }
        }
        self.leaves = leaves
        self.skippedGroups = skippedGroups
    }

    /// Walks the subtree at `position`, appending each leaf's path; returns the position after it.
    private static func collectLeaves(
        _ elements: [ParquetSchemaElement], at position: Int, prefix: [String], depth: Int, into paths: inout [[String]]
    ) throws -> Int {
        guard depth < maxDepth else { throw ParquetError.Corrupt("the schema nests deeper than \(maxDepth) levels") }
        guard position < elements.count else { throw ParquetError.Corrupt("the schema ends early") }
        let element = elements[position]
        let path = prefix + [element.name]
        guard element.childCount > 0 else {
            paths.append(path)
            return position + 1
        }
        guard element.childCount <= elements.count - position - 1 else {
            throw ParquetError.Corrupt("schema group '\(element.name)' claims \(element.childCount) children, more than are listed")
        }
        var next = position + 1
        for _ in 0..<element.childCount {
            next = try collectLeaves(elements, at: next, prefix: path, depth: depth + 1, into: &paths)
        }
        return next
    }

    private static func groupReason(_ group: ParquetSchemaElement) -> String {
        if group.logical == .list || group.convertedType == .list { return "a list; Strata columns hold one value per row" }
        if group.logical == .map || group.convertedType == .map || group.convertedType == .mapKeyValue {
            return "a map; Strata columns hold one value per row"
        }
        if group.repetition == .repeated { return "a repeated group; Strata columns hold one value per row" }
        return "a struct; Strata has no nested columns (select its fields into top-level columns before writing)"
    }

    func leaf(named name: String) -> Leaf? { leaves.first { $0.path.count == 1 && $0.path[0] == name } }

    /// The names a user can ask for: top-level fields, leaves and groups alike.
    var topLevelNames: [String] {
        var seen = Set<String>()
        return leaves.compactMap { seen.insert($0.path[0]).inserted ? $0.path[0] : nil }
    }
}
