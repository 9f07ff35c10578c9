import Logging
import OnboardSystemd
import Testing

@Suite
struct SyslogPriorityTests {
    @Test(arguments: [
        (Logger.Level.trace, 7),
        (.debug, 7),
        (.info, 6),
        (.notice, 5),
        (.warning, 4),
        (.error, 3),
        (.critical, 2),
    ])
    func levelMapsToPriority(level: Logger.Level, priority: Int) {
        #expect(SyslogPriority(level).rawValue == priority)
    }

    @Test
    func neverEmergencyOrAlert() {
        for level in Logger.Level.allCases {
            #expect(SyslogPriority(level) >= .critical)
        }
    }
}
