import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `recommend user … context=` and `session=yes`, and `evaluate … bycontext=`, on a tiny click log:
/// item 2 is clicked on mobile in the evening, item 3 on desktop in the morning, equally often.
@Suite struct ContextCommandTests {
    static let csv = """
        user_id,item_id,event,timestamp,device,hour
        1,1,view,2024-01-01 21:00:00,mobile,21
        2,2,view,2024-01-01 21:05:00,mobile,21
        3,2,view,2024-01-01 20:10:00,mobile,20
        4,2,view,2024-01-01 22:15:00,mobile,22
        5,3,view,2024-01-02 09:00:00,desktop,9
        6,3,view,2024-01-02 10:00:00,desktop,10
        7,3,view,2024-01-02 11:00:00,desktop,11
        2,4,view,2024-01-02 14:00:00,tablet,14
        1,4,view,2024-01-01 21:10:00,mobile,21
        """

    static func session() throws -> Interpreter {
        let path = try ScratchDirectory.forTheRun("context") + "/events.csv"
        try (csv + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try ModelCommandTests.session(["load \"\(path)\" as events",
                                              "recommender popular events event=event postfilter=yes smoothing=1 as ctx_pop"])
    }

    static func run(_ s: Interpreter, _ line: String) -> String {
        switch s.execute(line) {
        case .success(let output): return OutputRenderer.render(output, style: RenderStyle(width: 400, ascii: false, color: false))
        case .failure(let message): return "FAILED: " + message
        default: return ""
        }
    }

    @Test func mobileAndDesktopListsDifferAndNameTheContext() throws {
        let s = try Self.session()
        let mobile = Self.run(s, "recommend user 1 using ctx_pop top=2 context=device:mobile,hour:21")
        let desktop = Self.run(s, "recommend user 1 using ctx_pop top=2 context=device:desktop,hour:10")
        #expect(mobile.contains("top 2 for user 1 in mobile, 21 h (evening) from ctx_pop"))
        #expect(mobile.contains("1. 2: on mobile "))
        #expect(mobile.contains("in the evening (18–23 h)"))
        #expect(desktop.contains("1. 3: on desktop "))
        #expect(desktop.contains("in the morning (6–11 h)"))
        #expect(desktop.contains("context: desktop, 10 h (morning)"))
    }

    @Test func unseenValuesFallBackAndPlainModelsRefuse() throws {
        let s = try Self.session()
        let watch = Self.run(s, "recommend user 1 using ctx_pop top=2 context=device:watch")
        #expect(watch.contains("device 'watch' was never seen in training (devices: desktop, mobile, tablet); ranked without the device"))
        #expect(Self.run(s, "recommend user 1 using ctx_pop context=hour:25").contains("hour '25' is not an hour of the day 0–23"))
        #expect(Self.run(s, "recommend user 1 using ctx_pop context=city:leeds").contains("unknown context 'city'"))
        _ = Self.run(s, "recommender popular events event=event as pop")
        #expect(Self.run(s, "recommend user 1 using pop context=device:mobile").contains("does not rank by context"))
    }

    @Test func sessionReRankNamesTheSessionItem() throws {
        let s = try Self.session()
        _ = Self.run(s, "recommender itemknn events event=event as knn")
        let out = Self.run(s, "recommend user 2 using knn top=3 session=yes seen=yes")
        // User 2's click of item 2 the evening before is outside the 30 minutes: only item 4 counts.
        #expect(out.contains("session: 1 distinct item from 1 event in the 30 minutes to 2024-01-02 14:00:00"))
        #expect(out.contains("1. 1: similar to 4 seen 0 s ago in this session (0.707)"))
        #expect(Self.run(s, "recommend user 99 using knn session=yes").contains("FAILED"))
        #expect(Self.run(s, "recommend user 2 using ctx_pop session=yes").contains("has no item-item similarity"))
    }

    @Test func evaluateBreaksTheMetricsDownByDevice() throws {
        let s = try Self.session()
        let out = Self.run(s, "evaluate ctx_pop on events event=event k=2 metrics=recall seen=keep bycontext=device baseline=no")
        #expect(out.contains("by device"))
        #expect(out.contains("│ desktop │ ctx_pop │ yes"))
        #expect(out.contains("│ mobile  │ ctx_pop │ yes"))
        #expect(Self.run(s, "evaluate ctx_pop on events k=1..2 bycontext=hour").contains("bycontext= breaks down one list length"))
    }
}
