/// The version of CanCu and of its output contract.
public enum CanCuVersion {
    public static let string = "0.1.0"
    /// The output contract version (`../shared/reference/output-contract.md`); bumped only when a
    /// field is renamed or removed.
    public static let contract = "1"
}
