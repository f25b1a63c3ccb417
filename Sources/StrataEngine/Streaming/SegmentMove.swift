/// A customer changing segment at a day's close. `from` is nil the first time a customer gets one.
public struct SegmentMove: Sendable, Equatable {
    /// The day that closed, as days since 1970-01-01.
    public let day: Int64
    /// Id in `StreamVocabulary.users`.
    public let customer: Int32
    public let from: String?
    public let to: String
}
