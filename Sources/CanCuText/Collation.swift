import CanCuModel
import CICU

/// Vietnamese collation with ICU's `vi` collator, for every list a person reads ("Đ" after "D",
/// tones in Vietnamese order), which Swift's `<` does not give.
///
/// ```swift
/// ["Đồng Nai", "Dương", "An Giang"].sorted(by: VietnameseCollator.shared.areInIncreasingOrder)
/// ```
public final class VietnameseCollator: @unchecked Sendable {
    // ICU collators are safe for concurrent comparisons once opened and never changed.
    private let collator: OpaquePointer?

    /// The shared `vi` collator.
    public static let shared = VietnameseCollator(locale: "vi")

    public init(locale: String) {
        collator = cicu_collator_open(locale)
    }

    deinit { cicu_collator_close(collator) }

    /// Compares two strings: negative, zero or positive.
    public func compare(_ a: String, _ b: String) -> Int {
        guard let collator else { return a < b ? -1 : (a == b ? 0 : 1) }
        var a = a, b = b
        return Int(a.withUTF8 { pa in
            b.withUTF8 { pb in
                cicu_collator_compare(collator, pa.baseAddress, Int32(pa.count), pb.baseAddress, Int32(pb.count))
            }
        })
    }

    /// `a` sorts before `b`; ties broken by code points so sorting is deterministic.
    public func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let order = compare(a, b)
        return order != 0 ? order < 0 : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Sorts `items` by the Vietnamese order of `key`.
    public func sorted<T>(_ items: [T], by key: (T) -> String) -> [T] {
        let keyed = items.map { (key($0), $0) }
        return keyed.sorted { areInIncreasingOrder($0.0, $1.0) }.map(\.1)
    }
}
