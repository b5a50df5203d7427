import Foundation

/// The OpenAPI description of `/api/v1` (`Resources/openapi.yaml`), read once at start-up from the
/// module's resources: no request reaches the file system.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url) else { return Array("openapi: 3.0.3\n".utf8) }
        return [UInt8](data)
    }()
}
