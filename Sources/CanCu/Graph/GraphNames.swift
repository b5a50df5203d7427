/// How the graph compares names and symbols: folded (no diacritics, lower case), with runs of
/// spaces and punctuation other than `/` (dashes included) collapsed to one space.
enum GraphNames {
    /// The comparison key of a name or symbol ("Luật  Đất đai," → "luat dat dai").
    static func key(_ text: String) -> String {
        let folded = Folding.fold(text)
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        let bytes = Array(folded.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // General punctuation (U+2000–U+206F: dashes, quotes, ellipsis) separates like ASCII
            // punctuation does.
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                pendingSpace = true
                i += 3
                continue
            }
            let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == 0x2F || b >= 0x80
            if keep {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            } else {
                pendingSpace = true
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

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
