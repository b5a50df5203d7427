import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
/// How the graph compares names and symbols: folded (no diacritics, lower case), with runs of
/// spaces and punctuation other than `/` (dashes included) collapsed to one space.
enum GraphNames {
    /// The comparison key of a name or symbol ("Luật  Đất đai," → "luat dat dai").
    static func key(_ text: String) -> String { Folding.words(text, keepingSlash: true) }

    /// The words of a key, for matching a query as a run of whole words.
    static func words(_ text: String) -> [Substring] {
        let k = key(text)
        return k.split(whereSeparator: { $0 == " " || $0 == "/" })
    }

    /// True when the words of `query` appear consecutively among the words of `text`.
    static func containsWords(_ text: String, _ query: String) -> Bool {
        let t = words(text), q = words(query)
        guard !q.isEmpty, q.count <= t.count else { return false }
        for start in 0...(t.count - q.count) where t[start] == q[0] {
            if (1..<q.count).allSatisfy({ t[start + $0] == q[$0] }) { return true }
        }
        return false
    }
}
