import Testing
@testable import CanCu
@testable import CanCuText

/// The temporal stage finds line starts once per document and looks them up (a backward scan per
/// date or target made a 16 MB single-line document take 7 s, 1 MB 0.09 s).
@Suite("Temporal: line starts")
struct LineStartsTests {
    @Test("start(of:) is the start of the line holding each position, newlines and both ends included")
    func matchesScan() {
        for text in ["", "\n", "a", "ab\ncd\n\nef", "\n\nx\n", String(repeating: "Mục tiêu 100% ", count: 50) + "\n- a\n- b:\n"] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { p in
                let lines = LineIndex(bytes: p)
                for i in 0..<max(1, bytes.count) {
                    var j = min(i, bytes.count)
                    while j > 0, bytes[j - 1] != 0x0A { j -= 1 }
                    #expect(lines.start(of: i) == j, "\(text.debugDescription) at \(i)")
                    var e = min(i, bytes.count)
                    while e < bytes.count, bytes[e] != 0x0A { e += 1 }
                    #expect(lines.end(of: i) == e, "\(text.debugDescription) end at \(i)")
                }
            }
        }
    }
}
