/// Every question of a checked scenario, once, in the order the checker met them, and
/// findable by id.
///
/// One array in the order met (what `casus test` and the sheet walk) plus an index of
/// positions by id.
public struct QuestionTable: Hashable, Sendable {
    /// The questions in the order asked.
    public private(set) var all: [QuestionInfo] = []
    private var positions: [String: Int] = [:]

    public init() {}

    public var count: Int { all.count }

    public subscript(id: String) -> QuestionInfo? {
        positions[id].map { all[$0] }
    }

    /// The position of `id` in `all`.
    public func position(of id: String) -> Int? { positions[id] }

    /// Room for `count` questions: a question is large, and growing the table copies them all.
    public mutating func reserveCapacity(_ count: Int) {
        all.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    /// Adds `info` unless its id is already present; returns its position.
    @discardableResult
    public mutating func append(_ info: QuestionInfo) -> Int {
        let id = info.question.id.name
        // One hash on the common path (a new id); a repeated id puts the old position back.
        if let existing = positions.updateValue(all.count, forKey: id) {
            positions[id] = existing
            return existing
        }
        all.append(info)
        return all.count - 1
    }

    /// A value per question id.
    public func mapValues<T>(_ transform: (QuestionInfo) -> T) -> [String: T] {
        var result: [String: T] = [:]
        result.reserveCapacity(all.count)
        for info in all { result[info.question.id.name] = transform(info) }
        return result
    }
}
