/// The version printed by `strata --version` and written into saved sessions.
public enum StrataVersion {
    public static let current = "0.2"
    /// The session file format; a reader refuses a newer one instead of misreading it.
    public static let sessionFormat = 1
}
