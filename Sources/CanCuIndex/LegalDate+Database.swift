import CanCuModel
import GRDB

/// A `LegalDate` is stored as its ISO text at its precision ("2019-01-24", "2021-06", "2025").
extension LegalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LegalDate? {
        String.fromDatabaseValue(dbValue).flatMap(LegalDate.init(iso:))
    }
}
