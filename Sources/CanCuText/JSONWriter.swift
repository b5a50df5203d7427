import CanCuModel
/// A small, fast JSON Lines writer that keeps fields in the order the output contract shows.
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in
///     json.field("source", "a.txt")
///     json.field("tokens", 12)
/// }
/// json.newline()
/// ```
package struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether each open object or array already has a value (so the next one needs a comma), as a
    /// stack: bit k for level k below 64, `deepCommas` for deeper levels.
    private var commas: UInt64 = 0
    private var depth = 0
    private var deepCommas: [Bool] = []

    public init() {}

    /// Empties the buffer (after it was written out).
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        commas = 0
        depth = 0
        deepCommas.removeAll(keepingCapacity: true)
    }

    /// Hands the bytes written so far to `sink` and empties the buffer, keeping the place in the
    /// structure: a long line (a document's million tokens) is written out in pieces.
    public mutating func drain(_ sink: ([UInt8]) -> Void) {
        if bytes.isEmpty { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Opens a level whose first value needs no comma.
    @inline(__always)
    private mutating func push() {
        if depth < 64 { commas &= ~(1 << UInt64(depth)) } else { deepCommas.append(false) }
        depth += 1
    }

    @inline(__always)
    private mutating func pop() {
        depth -= 1
        if depth >= 64 { deepCommas.removeLast() }
    }

    @inline(__always)
    private mutating func separator() {
        guard depth > 0 else { return }
        let level = depth - 1
        if level < 64 {
            let bit: UInt64 = 1 << UInt64(level)
            if commas & bit != 0 { bytes.append(0x2C) } else { commas |= bit }
        } else {
            if deepCommas[level - 64] { bytes.append(0x2C) }
            deepCommas[level - 64] = true
        }
    }

    private mutating func key(_ name: String) {
        separator()
        appendString(name)
        bytes.append(0x3A)
        // The value that follows must not add a comma of its own.
        push()
    }

    private mutating func endKey() { pop() }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separator()
        bytes.append(0x7B)
        push()
        body(&self)
        pop()
        bytes.append(0x7D)
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separator()
        bytes.append(0x5B)
        push()
        body(&self)
        pop()
        bytes.append(0x5D)
    }

    public mutating func objectField(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name); object(body); endKey()
    }

    public mutating func arrayField(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name); array(body); endKey()
    }

    public mutating func field(_ name: String, _ value: String?) { key(name); self.value(value); endKey() }
    public mutating func field(_ name: String, _ value: Int?) { key(name); self.value(value); endKey() }
    public mutating func field(_ name: String, _ value: Double?) { key(name); self.value(value); endKey() }
    public mutating func field(_ name: String, _ value: Bool?) { key(name); self.value(value); endKey() }
    /// A date as its ISO text at its precision ("2019-01-24", "2021-06", "2025"), or null.
    public mutating func field(_ name: String, _ value: LegalDate?) { key(name); self.value(value?.iso); endKey() }
    /// The contract's `start` and `end` fields of a source range (Unicode scalars).
    public mutating func span(_ range: Range<Int>) {
        field("start", range.lowerBound)
        field("end", range.upperBound)
    }

    public mutating func field(_ name: String, strings: [String]) {
        arrayField(name) { json in for s in strings { json.value(s) } }
    }

    public mutating func value(_ value: String?) {
        separator()
        guard let value else { appendLiteral("null"); return }
        appendString(value)
    }

    public mutating func value(_ value: Int?) {
        separator()
        guard let value else { appendLiteral("null"); return }
        appendInt(value)
    }

    public mutating func value(_ value: Double?) {
        separator()
        guard let value, value.isFinite else { appendLiteral("null"); return }
        if value == value.rounded(), abs(value) < 1e15 { appendLiteral(String(Int(value))) } else { appendLiteral(String(value)) }
    }

    public mutating func value(_ value: Bool?) {
        separator()
        guard let value else { appendLiteral("null"); return }
        appendLiteral(value ? "true" : "false")
    }

    /// The fields another writer wrote into one object (its bytes without the braces), as if they
    /// were written here: a part of a record written on another thread.
    public mutating func fields(of other: JSONWriter) {
        guard other.bytes.count > 2 else { return }
        separator()
        bytes.append(contentsOf: other.bytes[1..<(other.bytes.count - 1)])
    }

    /// Room for `count` more bytes (a record about to be joined from parts).
    public mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// Ends a JSON Lines record.
    public mutating func newline() { bytes.append(0x0A) }

    private mutating func appendLiteral(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Decimal digits of an integer, without going through `String`.
    private mutating func appendInt(_ value: Int) {
        if value >= 0 && value < 10 { bytes.append(0x30 + UInt8(value)); return }
        if value == Int.min { appendLiteral(String(value)); return }
        var v = value < 0 ? -value : value
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var k = buffer.count
            while v > 0 { k -= 1; buffer[k] = 0x30 + UInt8(v % 10); v /= 10 }
            if value < 0 { k -= 1; buffer[k] = 0x2D }
            return buffer.count - k
        }
        withUnsafeBytes(of: &digits) { buffer in
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - count)...]))
        }
    }

    /// Whether a byte must be escaped in a JSON string: controls, '"' and '\\'.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    private mutating func appendString(_ s: String) {
        var s = s
        s.withUTF8 { p in appendString(p) }
    }

    /// A JSON string of UTF-8 bytes: runs that need no escape are copied whole.
    private mutating func appendString(_ p: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        Self.needsEscape.withUnsafeBufferPointer { escape in
            var run = 0
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                guard escape[Int(b)] else { i += 1; continue }
                if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                default:
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 15)]])
                }
                i += 1
                run = i
            }
            if run < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<n])) }
        }
        bytes.append(0x22)
    }
}
