/// Every question passed so far in play order, with its answer (nil when skipped).
///
/// Kept as one array per step: the walk after an answer starts at the answered question's
/// step (`Engine.replay(_:continuing:)`) and shares the earlier steps' arrays with the state
/// before it instead of copying every entry (each holds its whole question), so an answer
/// late in a long session costs what an early one does.
public struct Transcript: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// The entries of each step that has any, in play order; never an empty array.
    private var steps: [[TranscriptEntry]] = []
    /// `starts[i]` is the position of `steps[i]`'s first entry.
    private var starts: [Int] = []
    public private(set) var endIndex = 0

    public init() {}

    public init(arrayLiteral entries: TranscriptEntry...) {
        for entry in entries { append(entry) }
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> TranscriptEntry {
        precondition(indices.contains(position), "transcript index out of range")
        // The last step whose first entry is at or before `position`.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return steps[low][position - starts[low]]
    }

    /// How many steps have entries: what a walk starting at the next step keeps.
    var stepCount: Int { steps.count }

    /// Adds `entry` to its step's array (a new one when it is the first of its step).
    mutating func append(_ entry: TranscriptEntry) {
        if let last = steps.indices.last, steps[last][0].stepIndex == entry.stepIndex {
            steps[last].append(entry)
        } else {
            starts.append(endIndex)
            steps.append([entry])
        }
        endIndex += 1
    }

    /// The entries of the first `count` steps that have any.
    func prefix(steps count: Int) -> Transcript {
        var kept = Transcript()
        kept.steps = Array(steps.prefix(count))
        kept.starts = Array(starts.prefix(count))
        kept.endIndex = kept.steps.last.map { kept.starts[kept.starts.count - 1] + $0.count } ?? 0
        return kept
    }

    public static func == (a: Transcript, b: Transcript) -> Bool { a.elementsEqual(b) }
}
