/// User–item feedback with dense indices. Index order is the sorted order of the original ids
/// (numerically for number columns, by text otherwise), so it does not depend on row order.
public struct Interactions: Sendable {
    /// Dense index -> original id as text.
    public let userIds: [String]
    public let itemIds: [String]
    /// users × items, values are ratings or implicit strengths.
    public let byUser: CSRMatrix
    /// items × users, the transpose of `byUser`.
    public let byItem: CSRMatrix
    public let kind: FeedbackKind
    /// Seconds since 1970 as `Float`, aligned with `byUser`, when the source had a time column.
    /// Float resolves about two minutes at today's dates; `entryTimes` holds the exact seconds.
    public let timestamps: CSRMatrix?
    /// Exact seconds since 1970, aligned with `byUser.indices`.
    public let entryTimes: [Int64]?
    private let userLookup: [String: Int32]
    private let itemLookup: [String: Int32]

    public init(userIds: [String], itemIds: [String], byUser: CSRMatrix, kind: FeedbackKind,
                entryTimes: [Int64]? = nil) {
        precondition(byUser.rowCount == userIds.count && byUser.columnCount == itemIds.count)
        precondition(entryTimes.map { $0.count == byUser.nonZeroCount } ?? true)
        self.userIds = userIds
        self.itemIds = itemIds
        self.byUser = byUser
        self.byItem = byUser.transposed()
        self.kind = kind
        self.entryTimes = entryTimes
        self.timestamps = entryTimes.map { byUser.replacingValues($0.map { Float($0) }) }
        userLookup = Self.lookup(userIds)
        itemLookup = Self.lookup(itemIds)
    }

    private static func lookup(_ ids: [String]) -> [String: Int32] {
        var map = [String: Int32](minimumCapacity: ids.count)
        for (i, id) in ids.enumerated() { map[id] = Int32(truncatingIfNeeded: i) }
        return map
    }

    public var userCount: Int { userIds.count }
    public var itemCount: Int { itemIds.count }
    /// Stored (user, item) entries.
    public var count: Int { byUser.nonZeroCount }

    public func userIndex(_ id: String) -> Int? { userLookup[id].map(Int.init) }
    public func itemIndex(_ id: String) -> Int? { itemLookup[id].map(Int.init) }

    /// The items a user interacted with, as a set (the usual `exclude` for `recommend`).
    public func seenItems(user: Int) -> Set<Int> {
        guard user >= 0, user < userCount else { return [] }
        var out = Set<Int>(minimumCapacity: byUser.rowLength(user))
        for i in byUser.row(user).indices { out.insert(Int(i)) }
        return out
    }

    /// Interactions per item, the popularity used by baselines and novelty.
    public func itemPopularity() -> [Int] {
        (0..<itemCount).map { byItem.rowLength($0) }
    }
}
