/// A rectangle of terminal cells, each one glyph of width 1 and an optional series colour.
package struct CellGrid {
    package let width: Int
    package let height: Int
    package private(set) var glyphs: [String]
    package private(set) var series: [Int?]

    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        glyphs = Array(repeating: " ", count: self.width * self.height)
        series = Array(repeating: nil, count: self.width * self.height)
    }

    package subscript(column: Int, row: Int) -> String {
        guard contains(column, row) else { return " " }
        return glyphs[row * width + column]
    }

    package func contains(_ column: Int, _ row: Int) -> Bool { column >= 0 && column < width && row >= 0 && row < height }

    package mutating func set(_ column: Int, _ row: Int, _ glyph: String, series s: Int? = nil) {
        guard contains(column, row) else { return }
        glyphs[row * width + column] = glyph
        series[row * width + column] = s
    }

    /// Writes text from `column` on, one cell per character, clipped at the edge.
    package mutating func write(_ text: String, column: Int, row: Int, series s: Int? = nil) {
        for (i, ch) in text.enumerated() { set(column + i, row, String(ch), series: s) }
    }

    package func isBlank(_ column: Int, _ row: Int) -> Bool { self[column, row] == " " }

    /// Row `row` as text, coloured by series when `color`; trailing blanks kept (the frame pads anyway).
    package func line(_ row: Int, color: Bool) -> String {
        var out = ""
        var c = 0
        while c < width {
            // Runs of one colour share one escape sequence.
            let s = series[row * width + c]
            var run = ""
            while c < width, series[row * width + c] == s {
                run += glyphs[row * width + c]
                c += 1
            }
            out += ChartColor.apply(run, series: s, enabled: color)
        }
        return out
    }
}

/// Sub-cell dots: 2 × 4 braille dots per cell in Unicode, one character per cell in ASCII.
/// Each dot belongs to a series; a cell shows the colour (and ASCII marker) of the last series drawn into it.
package struct DotCanvas {
    package let columns: Int
    package let rows: Int
    package let ascii: Bool
    private var bits: [UInt8]
    private var owner: [Int?]
    private var asciiGlyph: [String?]

    package init(columns: Int, rows: Int, ascii: Bool) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.ascii = ascii
        bits = Array(repeating: 0, count: self.columns * self.rows)
        owner = Array(repeating: nil, count: self.columns * self.rows)
        asciiGlyph = Array(repeating: nil, count: self.columns * self.rows)
    }

    package var dotsAcross: Int { columns * (ascii ? 1 : 2) }
    package var dotsDown: Int { rows * (ascii ? 1 : 4) }

    /// Sets dot (x, y), y counted from the top; `glyph` is the ASCII character for the series.
    package mutating func dot(_ x: Int, _ y: Int, series: Int, glyph: String) {
        guard x >= 0, y >= 0, x < dotsAcross, y < dotsDown else { return }
        let cell = ascii ? y * columns + x : (y / 4) * columns + x / 2
        if ascii {
            asciiGlyph[cell] = glyph
        } else {
            let dx = x % 2, dy = y % 4
            let bit: UInt8 = dy == 3 ? (dx == 0 ? 0x40 : 0x80) : UInt8(1 << (dx * 3 + dy))
            bits[cell] |= bit
        }
        owner[cell] = series
    }

    /// A straight line between two dots (Bresenham).
    package mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int, glyph: String) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var steps = 0
        while steps <= dx - dy + 1 {
            dot(x0, y0, series: series, glyph: glyph)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
            steps += 1
        }
    }

    /// Copies the drawn cells into `grid`, leaving undrawn cells alone.
    package func paint(into grid: inout CellGrid) {
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = row * columns + column
                if ascii {
                    if let g = asciiGlyph[cell] { grid.set(column, row, g, series: owner[cell]) }
                } else if bits[cell] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[cell])) {
                    grid.set(column, row, String(Character(scalar)), series: owner[cell])
                }
            }
        }
    }
}
