/// Picks the delimiter when the user gave none: by extension for `.tsv`/`.tab`, otherwise from the
/// first line. A comma anywhere outside quotes there means comma; a line without commas but with
/// semicolons or tabs uses whichever it has more of, since `;` files are common where the comma
/// is the decimal mark.
enum CSVDelimiterDetection {
    static func detect(_ source: any CSVByteSource, extensionHint: String) throws -> (delimiter: UInt8, note: String?) {
        let lowered = extensionHint.lowercased()
        if lowered.hasSuffix(".tsv") || lowered.hasSuffix(".tab") { return (CSVByte.tab, nil) }

        let sampleSize = 64 << 10
        let sample = UnsafeMutableRawBufferPointer.allocate(byteCount: sampleSize, alignment: 1)
        defer { sample.deallocate() }
        let n = try source.read(at: 0, into: sample)
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        scan: for byte in sample.prefix(n) {
            switch byte {
            case CSVByte.quote: inQuotes.toggle()
            case CSVByte.lineFeed where !inQuotes: break scan
            case CSVByte.comma where !inQuotes: commas += 1
            case CSVByte.semicolon where !inQuotes: semicolons += 1
            case CSVByte.tab where !inQuotes: tabs += 1
            default: break
            }
        }
        if commas > 0 || (semicolons == 0 && tabs == 0) { return (CSVByte.comma, nil) }
        if semicolons >= tabs {
            return (CSVByte.semicolon, "delimiter ';' detected from the first line (set delimiter= to override)")
        }
        return (CSVByte.tab, "delimiter tab detected from the first line (set delimiter= to override)")
    }
}
