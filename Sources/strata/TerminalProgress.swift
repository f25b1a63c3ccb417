#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StrataSession
import Synchronization

/// A one-line progress bar on stderr, for the interactive session only (batch runs use
/// `SilentProgress`). Engine work may report from several threads, so all state sits behind a lock,
/// and so does drawing, which keeps lines from interleaving.
final class TerminalProgress: ProgressSink {
    private struct Task {
        var label: String
        var total: Int?
        var unit: String
        var completed = 0
        var started: ContinuousClock.Instant
        var lastDraw: ContinuousClock.Instant?
    }

    private struct State {
        var task: Task?
        var visible = false
        /// Lines of the live board on screen, and when it was last drawn.
        var boardLines = 0
        var boardDrawn: ContinuousClock.Instant?
    }

    /// At most four board redraws a second: more only flickers.
    static let boardInterval = Duration.milliseconds(250)

    /// Quick tasks finish before this and never flash a bar.
    static let initialDelay = Duration.milliseconds(250)
    /// At most ten redraws a second.
    static let redrawInterval = Duration.milliseconds(100)

    private let state = Mutex(State())
    private let ascii: Bool
    private let width: @Sendable () -> Int
    private let output: @Sendable (String) -> Void
    private let clock = ContinuousClock()

    init(ascii: Bool, width: @escaping @Sendable () -> Int = { TerminalInfo.stderrWidth() },
         output: @escaping @Sendable (String) -> Void = { Console.err($0) }) {
        self.ascii = ascii
        self.width = width
        self.output = output
    }

    func begin(_ label: String, total: Int?, unit: String) {
        let now = clock.now
        state.withLock { s in
            erase(&s)
            s.task = Task(label: label, total: total, unit: unit, started: now)
        }
    }

    func update(_ completed: Int) {
        let now = clock.now
        state.withLock { s in
            guard var task = s.task else { return }
            task.completed = completed
            defer { s.task = task }
            guard now - task.started >= Self.initialDelay else { return }
            if let last = task.lastDraw, now - last < Self.redrawInterval { return }
            task.lastDraw = now
            let elapsed = Self.seconds(now - task.started)
            let line = ProgressLine(label: task.label, completed: completed, total: task.total, unit: task.unit,
                                    elapsed: elapsed, width: width(), ascii: ascii).text
            output("\r" + line + "\u{1B}[K")
            s.visible = true
        }
    }

    func end() {
        state.withLock { s in
            erase(&s)
            eraseBoard(&s)
            s.task = nil
        }
    }

    var drawsBoard: Bool { true }

    func board(_ lines: [String]) {
        let now = clock.now
        state.withLock { s in
            if let last = s.boardDrawn, now - last < Self.boardInterval { return }
            s.boardDrawn = now
            erase(&s)
            let w = max(width() - 1, 1)
            // Up to the board's first line, then each line cleared and rewritten: drawn in place.
            var text = s.boardLines > 0 ? "\u{1B}[\(s.boardLines)A" : ""
            for line in lines { text += "\r" + String(line.prefix(w)) + "\u{1B}[K\n" }
            if lines.count < s.boardLines { text += "\u{1B}[J" }
            output(text)
            s.boardLines = lines.count
        }
    }

    private func erase(_ s: inout State) {
        if s.visible { output("\r\u{1B}[K") }
        s.visible = false
    }

    private func eraseBoard(_ s: inout State) {
        if s.boardLines > 0 { output("\u{1B}[\(s.boardLines)A\r\u{1B}[J") }
        s.boardLines = 0
        s.boardDrawn = nil
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// The text of one progress line: `label  42% [█████░░░░░]  12.3 MB/s  ETA 0:03`, fitted to the width.
struct ProgressLine {
    var label: String
    var completed: Int
    var total: Int?
    var unit: String
    var elapsed: Double
    var width: Int
    var ascii: Bool

    var text: String {
        let rate = elapsed > 0 ? Double(completed) / elapsed : 0
        var tail: [String] = []
        if rate > 0 { tail.append(Self.amount(rate, unit: unit) + "/s") }
        var head = label
        var barWidth = 0
        if let total, total > 0 {
            let fraction = min(max(Double(completed) / Double(total), 0), 1)
            head += "  " + String(Int(fraction * 100)) + "%"
            if rate > 0, completed < total { tail.append("ETA " + Self.duration(Double(total - completed) / rate)) }
            let fixed = head.count + 2 + tail.reduce(0) { $0 + $1.count + 2 } + 2
            barWidth = min(30, width - 1 - fixed)
            if barWidth >= 5 {
                let filled = Int((fraction * Double(barWidth)).rounded(.down))
                let (full, empty): (Character, Character) = ascii ? ("#", "-") : ("█", "░")
                head += "  [" + String(repeating: full, count: filled) + String(repeating: empty, count: barWidth - filled) + "]"
            }
        } else {
            head += "  " + Self.amount(Double(completed), unit: unit)
        }
        let line = ([head] + tail).joined(separator: "  ")
        // Never wrap: a wrapped line cannot be erased with \r.
        return line.count < width ? line : String(line.prefix(max(width - 1, 0)))
    }

    /// `12.3 MB` for bytes, `45.1k rows` for anything else.
    static func amount(_ value: Double, unit: String) -> String {
        let isBytes = ["bytes", "byte", "b"].contains(unit.lowercased())
        let steps: [(Double, String)] = isBytes
            ? [(1e9, " GB"), (1e6, " MB"), (1e3, " kB")]
            : [(1e9, "G"), (1e6, "M"), (1e3, "k")]
        let suffix = isBytes ? "" : (unit.isEmpty ? "" : " " + unit)
        // Above the first step, compared after rounding: 999,960 bytes reads 1.0 MB, not 1000.0 kB.
        for (scale, name) in steps where value >= scale || (scale > 1e3 && (value / scale * 10).rounded() >= 10) {
            return oneDecimal(value / scale) + name + suffix
        }
        return String(Int(value.rounded())) + (isBytes ? " B" : "") + suffix
    }

    static func oneDecimal(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `0:07`, `12:30`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded(.up))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s >= 3600 { return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" }
        return "\(s / 60):\(two(s % 60))"
    }
}
