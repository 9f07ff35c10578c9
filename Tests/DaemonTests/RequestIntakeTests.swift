import Foundation
import OnboardCore
import Testing

@testable import OnboardDaemon

@Suite struct RequestIntakeTests {
    let intake = RequestIntake(context: RequestValidationContext(partners: ["eu2"], profiles: ["standard-per-workload"]))
    let valid = #"""
        {"version": 1, "partner": "eu2", "customer": {"name": "Intake Ltd", "contact": {"email": "it@intake.example"}},
         "services": {"profile": "standard-per-workload"}, "admin": {"login": "intake.admin", "email": "a@intake.example"}}
        """#

    @Test func aValidRequestPasses() throws {
        let requests = try intake.requests(in: valid, format: .json)
        #expect(requests.map(\.customer.name) == ["Intake Ltd"])
    }

    @Test func anInvalidRequestListsEveryIssueWithItsFix() {
        #expect {
            try intake.requests(in: #"{"version": 1, "partner": "mars"}"#, format: .json)
        } throws: { error in
            guard let error = error as? RPCError, error == .invalidData, let issues = error.details["issues"]?.arrayValue else { return false }
            let paths = issues.compactMap { $0["path"]?.stringValue }
            return paths.contains("partner") && paths.contains("customer") && issues.allSatisfy { $0["fix"]?.stringValue?.isEmpty == false }
                && error.exitCode == 65
        }
    }

    @Test func csvProblemsCarryTheirRowAndNothingIsAccepted() {
        let csv = "customer_name,contact_email,admin_login,admin_email,partner,profile\nGood Ltd,a@good.example,good.admin,a@good.example,eu2,standard-per-workload\nBad Ltd,,bad admin,,eu2,nope\n"
        #expect {
            try intake.requests(in: csv, format: .csv)
        } throws: { error in
            guard let error = error as? RPCError, let issues = error.details["issues"]?.arrayValue else { return false }
            return !issues.isEmpty && issues.allSatisfy { $0["row"]?.integerValue == 3 } && error.message.contains("nothing was submitted")
        }
    }

    @Test func engineErrorsMapToTheirRPCKinds() {
        let failure = StepFailure(kind: .transient, code: "dc_unreachable", message: "the DC did not answer; retry later")
        #expect(RPCError(daemonFailure: failure) == .unavailable)
        #expect(RPCError(daemonFailure: StepFailure(kind: .permanent, code: "x", message: "m")) == .invalidData)
        #expect(RPCError(daemonFailure: CancellationError()) == .unavailable)
        #expect(RPCError(daemonFailure: ConfigurationError([])) == .invalidData)
        struct Unexpected: Error {}
        #expect(RPCError(daemonFailure: Unexpected()) == .internalError)
    }
}
