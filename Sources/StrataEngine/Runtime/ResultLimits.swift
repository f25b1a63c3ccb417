/// How big a table an operation may build before it refuses with a message instead of exhausting
/// memory: a typo in `n=` or a many-to-many join must not take the session down.
public enum ResultLimits {
    /// Cells (rows × columns); 200 million 8-byte cells is 1.6 GB.
    public static let maxCells = 200_000_000

    /// Most rows a result with `columnCount` columns may have.
    public static func maxRows(columnCount: Int) -> Int { maxCells / max(1, columnCount) }
}
