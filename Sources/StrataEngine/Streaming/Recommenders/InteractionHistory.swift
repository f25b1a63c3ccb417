/// Each user's distinct items in the order they arrived, with a pair set answering "has this user
/// had this item" in one hash lookup.
public struct InteractionHistory: Sendable {
    private(set) var itemsByUser: [[Int32]] = []
    private var pairs = Set<UInt64>()

    public init() {}

    /// Records the pair; false (and nothing changes) when the user already had the item.
    @discardableResult
    public mutating func record(user: Int32, item: Int32) -> Bool {
        guard pairs.insert(Self.key(user, item)).inserted else { return false }
        let u = Int(user)
        if u >= itemsByUser.count { itemsByUser += repeatElement([], count: u + 1 - itemsByUser.count) }
        itemsByUser[u].append(item)
        return true
    }

    public func contains(user: Int32, item: Int32) -> Bool { pairs.contains(Self.key(user, item)) }

    /// The user's items, oldest first (empty for a user never seen).
    public func items(of user: Int) -> [Int32] {
        user >= 0 && user < itemsByUser.count ? itemsByUser[user] : []
    }

    public func isKnown(user: Int) -> Bool { !items(of: user).isEmpty }

    /// Users with at least one item.
    public var userCount: Int { itemsByUser.count }
    /// Distinct (user, item) pairs.
    public var pairCount: Int { pairs.count }

    /// Item lists plus the pair set (about 16 bytes a pair at its load factor). Counts, not
    /// capacities: a capacity depends on when copies were made, and the figure is printed in
    /// recorded sessions that must replay byte for byte.
    public var memoryBytes: Int { pairs.count * 20 + itemsByUser.count * 32 }

    @inline(__always)
    static func key(_ user: Int32, _ item: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: user)) << 32 | UInt64(UInt32(bitPattern: item))
    }
}
