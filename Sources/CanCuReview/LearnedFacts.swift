import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
/// Facts learned from the documents of one run, keyed by document for constant-time lookups.
/// A fact stated again in the same words by the same document is kept once, so the facts about a
/// document do not grow with repetitions (a compilation, a long text quoting itself).
///
/// ```swift
/// var store = LearnedFacts()
/// store.add(FactLearner.learn(from: extraction, text: text))
/// store.facts(about: "61/2018/NĐ-CP")
/// ```
public struct LearnedFacts: FactStore {
    private var byKey: [String: [DocumentFact]] = [:]
    /// The facts seen, their evidence without the line (the same words said again further on count once).
    private var seen: Set<DocumentFact> = []

    /// The number of distinct facts.
    public private(set) var count = 0

    public init(_ facts: [DocumentFact] = []) { add(facts) }

    public mutating func add(_ facts: [DocumentFact]) {
        for fact in facts where seen.insert(fact.withoutLine).inserted {
            byKey[Registry.key(fact.symbol), default: []].append(fact)
            count += 1
        }
    }

    public func facts(about symbol: String) -> [DocumentFact] { byKey[Registry.key(symbol)] ?? [] }

    /// Every fact, for listing.
    public var all: [DocumentFact] { byKey.values.flatMap { $0 } }
}

extension DocumentFact {
    /// The fact with its evidence's `:LINE` removed (the file alone).
    var withoutLine: DocumentFact {
        var copy = self
        if let colon = evidence.lastIndex(of: ":"), evidence.index(after: colon) < evidence.endIndex,
           evidence[evidence.index(after: colon)...].allSatisfy(\.isNumber) {
            copy.evidence = String(evidence[..<colon])
        }
        return copy
    }
}
