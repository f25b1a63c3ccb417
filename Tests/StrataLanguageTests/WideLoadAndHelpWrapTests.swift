import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct WideLoadAndHelpWrapTests {
    @Test func loadOfAWideFileListsTheFirstColumnsAndCountsTheRest() throws {
        let path = NSTemporaryDirectory() + "strata-wide-\(UUID().uuidString).csv"
        // Wide enough to be cut; far wider files load slowly in debug builds (a speculation block
        // per column), which this test is not about.
        let count = 1_200
        let header = (1...count).map { "c\($0)" }.joined(separator: ",")
        let row = (1...count).map { "\($0)" }.joined(separator: ",")
        try (header + "\n" + row + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let i = Interpreter(registry: StandardCommands.registry)
        guard case .success(let out) = i.execute("load \"\(path)\" as wide") else { Issue.record("load failed"); return }
        let text = OutputRenderer.render(out, style: .batch)
        #expect(text.contains("c40 (int), … and 1,160 more (schema wide lists them all)"), "\(text)")
        #expect(!text.contains("c41 (int)"))
        #expect(text.split(separator: "\n").count < 12)
    }

    @Test func loadOfANarrowFileListsEveryColumn() {
        let table = Table(uncheckedColumns: (1...40).map { Column(name: "c\($0)", data: .int([1])) }, rowCount: 1)
        let line = ColumnListing.line(table, name: "t")
        #expect(line.hasSuffix("c40 (int)"))
        #expect(!line.contains("more"))
    }

    @Test func helpWrapsAtWordsWithAHangingIndent() {
        let style = RenderStyle(width: 40, ascii: false, color: false)
        let text = "Group\n  load      Read a CSV file into a table, inferring every column's type.\n  x  short"
        let lines = MessageRenderer.renderHanging(text, style: style).split(separator: "\n").map(String.init)
        #expect(lines == [
            "Group",
            "  load      Read a CSV file into a",
            "            table, inferring every",
            "            column's type.",
            "  x  short",
        ])
        for line in lines { #expect(DisplayWidth.of(line) <= 40) }
    }

    @Test(arguments: [60, 80])
    func everyHelpLineFitsANarrowTerminalWithoutCuttingWords(width: Int) throws {
        let style = RenderStyle(width: width, ascii: false, color: false)
        let i = Interpreter(registry: StandardCommands.registry)
        for command in ["help", "help load", "help group", "help expressions"] {
            guard case .success(let out) = i.execute(command) else { Issue.record("\(command) failed"); continue }
            let rendered = OutputRenderer.render(out, style: style)
            for line in rendered.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(command): \(line)")
            }
            // Every word of the help survives whole: wrapping only moves words to the next line.
            // (At 60 columns one word, the list of chart kinds, is longer than the room beside
            // the command names and must be broken.)
            guard width >= 80, case .help(let raw)? = out.blocks.first else { continue }
            let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }) }
            #expect(words(rendered) == words(raw), "\(command)")
        }
    }
}
