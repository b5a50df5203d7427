import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import Foundation

extension Reviewer {
    /// Today's date in Việt Nam (ISO), the default "now" of a review.
    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
