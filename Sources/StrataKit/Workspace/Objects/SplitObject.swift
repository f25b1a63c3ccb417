import StrataEngine

/// A train/test split bound as NAME, with its tables bound as NAME.train and NAME.test.
public struct SplitObject: WorkspaceObject {
    /// How the split was made ("per user, … seed 7", or the folder it was loaded from).
    public let method: String
    public let trainName: String
    public let testName: String
    public let trainRows: Int
    public let testRows: Int

    package init(method: String, trainName: String, testName: String, trainRows: Int, testRows: Int) {
        self.method = method
        self.trainName = trainName
        self.testName = testName
        self.trainRows = trainRows
        self.testRows = testRows
    }

    public var kindName: String { "split" }

    public var summary: String {
        "\(method): \(trainName) \(Format.count(trainRows)) rows, \(testName) \(Format.count(testRows)) rows"
    }

    /// The split whose test table is `tableName` (NAME.test → NAME), if it was made by `split`.
    package static func owning(testTable tableName: String, in workspace: Workspace) -> SplitObject? {
        guard tableName.hasSuffix(".test") else { return nil }
        if case .object(let o)? = workspace[String(tableName.dropLast(5))], let split = o as? SplitObject { return split }
        return nil
    }
}
