import CanCuModel
import Synchronization

/// A source text and its normalised form for analysis, with the map between them.
///
/// Scanners work on `bytes` (normalised UTF-8: NFC, `Đ` never `Ð`, ASCII `-`, plain spaces, new
/// tone placement). Every span they find is turned back into source offsets in Unicode scalars
/// with `sourceRange(ofBytes:)`, so that `source[start..<end]` is exactly what the user wrote.
///
/// ```swift
/// let text = Normalizer.standard.normalize("Nghị định 09/2019/NÐ–CP")
/// text.string                       // "Nghị định 09/2019/NĐ-CP"
/// text.sourceRange(ofBytes: 0..<5)  // 0..<4 (scalars of the source)
/// ```
public struct NormalizedText: Sendable {
    /// The source text, as decoded.
    public let source: String
    /// The normalised text as UTF-8 bytes: what scanners read.
    public let bytes: [UInt8]
    let sourceBytes: [UInt8]
    let passes: [EditList]
    private let scalarIndex: LazyScalarIndex
    /// Byte → scalar offsets of the source, built on first use (statistics never need it).
    var sourceScalars: ScalarIndex { scalarIndex.value }

    init(source: String, sourceBytes: [UInt8], bytes: [UInt8], passes: [EditList]) {
        self.source = source
        self.sourceBytes = sourceBytes
        self.bytes = bytes
        self.passes = passes.filter { !$0.isEmpty }
        self.scalarIndex = LazyScalarIndex(sourceBytes)
    }

    /// The normalised text as a `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// True when normalisation changed nothing.
    public var isUnchanged: Bool { passes.isEmpty }

    /// The number of Unicode scalars in the source.
    public var sourceScalarCount: Int { sourceScalars.scalarCount }

    /// The source UTF-8 byte offset of a normalised byte offset.
    public func sourceByteOffset(ofByte offset: Int, roundingUp: Bool = false) -> Int {
        var result = offset
        for pass in passes.reversed() {
            result = pass.sourceOffset(of: result, roundingUp: roundingUp)
        }
        return result
    }

    /// The source offset, in Unicode scalars, of a normalised byte offset.
    public func sourceOffset(ofByte offset: Int, roundingUp: Bool = false) -> Int {
        sourceScalars.scalarOffset(ofByte: sourceByteOffset(ofByte: offset, roundingUp: roundingUp))
    }

    /// The half-open source range, in Unicode scalars, of a range of normalised bytes.
    public func sourceRange(ofBytes range: Range<Int>) -> Range<Int> {
        let start = sourceOffset(ofByte: range.lowerBound)
        let end = sourceOffset(ofByte: range.upperBound, roundingUp: true)
        return start..<max(start, end)
    }

    /// Maps a batch of normalised byte offsets to source scalar offsets in place: even indices
    /// are span starts, odd indices span ends (as `sourceRange(ofBytes:)` rounds them). The
    /// fast path for many spans in reading order (tokens, lines).
    public func mapToSource(_ offsets: UnsafeMutableBufferPointer<Int>) {
        for pass in passes.reversed() { pass.mapBatch(offsets) }
        sourceScalars.mapBatch(offsets)
    }

    /// A cursor for mapping many increasing byte offsets (tokens, citations in reading order) to
    /// source scalars in one forward walk.
    package func cursor() -> SourceCursor { SourceCursor(text: self) }

    /// The normalised text of a byte range.
    public func text(ofBytes range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The source text of a byte range of the normalised text (the exact slice the user wrote).
    public func sourceText(ofBytes range: Range<Int>) -> String {
        let start = sourceByteOffset(ofByte: range.lowerBound)
        let end = max(start, sourceByteOffset(ofByte: range.upperBound, roundingUp: true))
        return String(decoding: sourceBytes[start..<end], as: UTF8.self)
    }
}

/// Maps normalised byte offsets to source scalar offsets; fastest when offsets come in increasing
/// order (each call then counts only the bytes since the previous one).
package struct SourceCursor {
    let text: NormalizedText
    private var sourceByte = 0
    private var scalar = 0
    private var hints: [Int]

    private let scalars: ScalarIndex

    init(text: NormalizedText) {
        self.text = text
        scalars = text.sourceScalars
        hints = [Int](repeating: -1, count: text.passes.count)
    }

    /// The source scalar offset of a normalised byte offset.
    public mutating func sourceOffset(ofByte offset: Int, roundingUp: Bool = false) -> Int {
        var target = offset
        var k = text.passes.count - 1
        while k >= 0 {
            target = text.passes[k].sourceOffset(of: target, roundingUp: roundingUp, hint: &hints[k])
            k -= 1
        }
        if target >= sourceByte && target - sourceByte < 1024 {
            scalar += scalars.scalars(from: sourceByte, to: target)
        } else {
            scalar = scalars.scalarOffset(ofByte: target)
        }
        sourceByte = target
        return scalar
    }

    /// The source scalar range of a normalised byte range.
    public mutating func sourceRange(ofBytes range: Range<Int>) -> Range<Int> {
        let start = sourceOffset(ofByte: range.lowerBound)
        let end = sourceOffset(ofByte: range.upperBound, roundingUp: true)
        return start..<max(start, end)
    }
}

/// A `ScalarIndex` built once, on first use, safely from any thread.
final class LazyScalarIndex: Sendable {
    private let bytes: [UInt8]
    private let index = Mutex<ScalarIndex?>(nil)

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var value: ScalarIndex {
        index.withLock { index in
            if let index { return index }
            let built = ScalarIndex(bytes)
            index = built
            return built
        }
    }
}
