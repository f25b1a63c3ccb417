/// The standard named RFM segments, from the recency score R and FM = (F + M) / 2 rounded half up,
/// all on 1–5 scores. Every one of the 25 (R, FM) cells has exactly one name (see docs/segmentation.md).
public enum RFMSegments {
    public static let names = ["Champions", "Loyal", "Potential loyalist", "New", "Promising", "Need attention",
                               "About to sleep", "At risk", "Can't lose them", "Hibernating", "Lost"]

    /// Rows R = 5…1, columns FM = 1…5.
    static let grid: [[String]] = [
        ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
        ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Champions"],
        ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
        ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"],
        ["Lost", "Lost", "At risk", "At risk", "Can't lose them"],
    ]

    public static func fm(f: Int, m: Int) -> Int { (f + m + 1) / 2 }

    /// nil unless all three scores are in 1…5.
    public static func name(r: Int, f: Int, m: Int) -> String? {
        guard (1...5).contains(r), (1...5).contains(f), (1...5).contains(m) else { return nil }
        return grid[5 - r][fm(f: f, m: m) - 1]
    }
}
