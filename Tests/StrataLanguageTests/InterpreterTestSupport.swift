import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Running lines through an interpreter in a test: a suite that adopts this gets `run`, which
/// renders a success as plain text at width 200, and `failure`, which returns the message and
/// checks that the workspace kept its names.
protocol InterpreterTesting {}

extension InterpreterTesting {
    func run(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if case .success(let o) = i.execute(line) { return OutputRenderer.render(o, style: RenderStyle(width: 200, ascii: false, color: false)) }
        Issue.record("failed: \(line): \(i.execute(line))", sourceLocation: sourceLocation)
        return ""
    }

    func failure(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = i.workspace.names
        guard case .failure(let m) = i.execute(line) else {
            Issue.record("expected a failure: \(line)", sourceLocation: sourceLocation)
            return ""
        }
        #expect(i.workspace.names == before, "the workspace changed", sourceLocation: sourceLocation)
        return m
    }
}
