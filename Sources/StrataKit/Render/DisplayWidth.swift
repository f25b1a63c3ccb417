/// How many terminal cells text occupies: a small `wcwidth` covering the ranges that occur in
/// real data. East Asian wide and fullwidth characters and emoji take two cells; combining marks,
/// zero-width joiners and variation selectors take none. Measured per grapheme cluster (the
/// widest scalar of the cluster), so `e` + U+0301 is one cell and a flag or an emoji sequence
/// is two, which is what common terminals draw.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            let w = of(scalar)
            if w > widest { widest = w }
        }
        return widest
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// The longest prefix of `text` no wider than `width`, and its width.
    public static func prefix(_ text: String, width: Int) -> (text: String, width: Int) {
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width { break }
            out.append(character)
            used += w
        }
        return (out, used)
    }

    /// `text` cut to at most `width` cells, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let ellipsisWidth = of(ellipsis)
        if ellipsisWidth >= width { return prefix(ellipsis, width: width).text }
        return prefix(text, width: width - ellipsisWidth).text + ellipsis
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x0900...0x0902, 0x093A...0x093C,
             0x0941...0x0948, 0x094D, 0x0951...0x0957, 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,
             0x1160...0x11FF,  // Hangul medial vowels and final consonants join the syllable
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
             0x2066...0x206F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF,
             0x1F3FB...0x1F3FF,  // skin-tone modifiers extend the preceding emoji
             0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F1E6...0x1F1FF,  // regional indicators: a pair draws one two-cell flag
             0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
             0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
