import Foundation
import Testing

@testable import OnboardCore

@Suite struct ControlCodingTests {
    @Test func paramsRoundTripWithSnakeCaseKeys() throws {
        let params = ProfileExportParams(fromTenant: "Sample", partner: "eu2", name: "copy")
        let value = try ControlCoding.encode(params)
        #expect(value["from_tenant"] == .string("Sample"))
        #expect(try ControlCoding.decodeParams(ProfileExportParams.self, from: value.objectValue ?? [:]) == params)
    }

    @Test func aMissingOrMistypedParameterIsNamed() {
        #expect {
            try ControlCoding.decodeParams(OnboardingIDParams.self, from: [:])
        } throws: { error in
            (error as? RPCError) == .invalidParams && "\(error)".contains("\"id\" is missing")
        }
        #expect {
            try ControlCoding.decodeParams(ListParams.self, from: ["state": .string("sleeping")])
        } throws: { error in
            (error as? RPCError) == .invalidParams && "\(error)".contains("state")
        }
    }

    @Test func datesTravelAsISO8601() throws {
        let entry = EventEntry(seq: 3, onboardingID: "o", at: Date(timeIntervalSince1970: 1_800_000_000), kind: "submitted", step: nil, message: "m")
        let value = try ControlCoding.encode(entry)
        #expect(value["at"] == .string("2027-01-15T08:00:00Z"))
        #expect(try ControlCoding.decodeResult(EventEntry.self, from: value) == entry)
    }

    @Test func everyMethodHasATierAndOnlyWaitAndFollowStream() {
        #expect(ControlMethod.credentials.tier == .credentials && ControlMethod.installScript.tier == .credentials)
        #expect(ControlMethod.submit.tier == .write && ControlMethod.reload.tier == .write && ControlMethod.list.tier == .read)
        let streaming = ControlMethod.allCases.filter { $0.isStreaming(["follow": .bool(true)]) }
        #expect(streaming == [.logs, .wait])
        #expect(!ControlMethod.logs.isStreaming([:]))
    }
}
