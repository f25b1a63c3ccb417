/// A customer changing segment (or tier) at a moment of the stream: the stream's record of
/// membership, `(time, customer, from, to)`. `from` is nil the first time a customer gets one.
public struct MembershipMove: Sendable, Equatable {
    /// Seconds since 1970: the event that changed the profile, or the last second of a day that closed.
    public let time: Int64
    /// Id in `StreamVocabulary.users`.
    public let customer: Int32
    public let from: String?
    public let to: String

    public init(time: Int64, customer: Int32, from: String?, to: String) {
        self.time = time
        self.customer = customer
        self.from = from
        self.to = to
    }
}

extension SegmentMove {
    /// The move at the last second of its day, when the day closed.
    public var membership: MembershipMove {
        MembershipMove(time: MigrationPeriod.lastSecond(ofDay: day), customer: customer, from: from, to: to)
    }
}
