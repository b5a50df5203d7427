import CanCuModel
import CanCuText
import CanCuLexicon
import CanCuInput
import CanCuExtract
import CanCuReview
import CanCuIndex
import CanCuGraph
/// The contract's line for an input that could not be read: `{"source": …, "error": {code, message}}`.
package enum ErrorView {
    public static func writeJSON(path: String, error: InputError, to json: inout JSONWriter) {
        json.object { json in
            json.field("source", path)
            json.objectField("error") { json in
                json.field("code", error.diagnostic.code)
                json.field("message", error.diagnostic.message)
            }
        }
        json.newline()
    }
}
