import Foundation
import OnboardCore
import Testing

@testable import onboardctl

@Suite("--json output")
struct JSONOutputTests {
    @Test("the result object gains schema 1 and keeps members this client does not know")
    func stamped() throws {
        let result: JSONValue = ["id": "ob_1", "added_by_a_newer_daemon": ["x": 1]]
        let text = JSONOutput.render(result, pretty: false)
        #expect(text == #"{"added_by_a_newer_daemon":{"x":1},"id":"ob_1","schema":1}"#)
        #expect(JSONOutput.render(["a": 1], pretty: true).contains("\n"))
        #expect(JSONOutput.render("x", pretty: false) == #"{"result":"x","schema":1}"#)
    }

    @Test("compact output is one line even when strings hold line breaks")
    func oneLine() {
        let text = JSONOutput.render(["message": "a\nb", "path": "/run/x"], pretty: false)
        #expect(!text.contains("\n"))
        #expect(text.contains("/run/x"))
    }

    @Test("an error becomes {error: {code, type, message, data}}")
    func error() throws {
        let error = RPCError.notFound.with(message: "no onboarding ob_9", details: ["id": "ob_9"])
        let object = try #require(JSONOutput.errorObject(error)["error"])
        #expect(object["code"] == .integer(-32004))
        #expect(object["type"] == "io.onboard.NotFound")
        #expect(object["message"] == "no onboarding ob_9")
        #expect(object["data"] == ["id": "ob_9"])
    }
}
