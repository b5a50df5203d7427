/// A unit of a document's structure: Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm, an annex
/// (Phụ lục) or the footer (Nơi nhận), with its source span and children.
public struct StructureUnit: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable {
        case part, chapter, section, subsection, article, clause, point, annex, footer
    }

    public var level: Level
    /// The unit's number as written ("I", "5", "2a", "đ").
    public var number: String
    /// The heading line ("Điều 1. Phạm vi điều chỉnh").
    public var heading: String
    /// Source range in Unicode scalars of the whole unit.
    public var source: Range<Int>
    /// Source range of the body (for Chương, Mục and Điều: after the heading line).
    public var body: Range<Int>
    public var children: [StructureUnit]
    /// True for a khoản or điểm written inside quoted amendment text (“1. …” of an article that an
    /// amending law rewrites): part of the quoted law, not a clause of this document. Its children
    /// may still be the document's own units when the quotation closes inside it.
    public var quoted: Bool

    public init(level: Level, number: String, heading: String, source: Range<Int>, body: Range<Int>,
                children: [StructureUnit] = [], quoted: Bool = false) {
        self.level = level; self.number = number; self.heading = heading
        self.source = source; self.body = body; self.children = children; self.quoted = quoted
    }
}
