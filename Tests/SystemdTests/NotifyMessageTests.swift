import OnboardSystemd
import Testing

@Suite
struct NotifyMessageTests {
    @Test(arguments: [
        (NotifyMessage.ready, "READY=1"),
        (.stopping, "STOPPING=1"),
        (.watchdog, "WATCHDOG=1"),
        (.watchdogTrigger, "WATCHDOG=trigger"),
        (.status("ready; 3 running, 12 queued, token valid 41m"), "STATUS=ready; 3 running, 12 queued, token valid 41m"),
        (.reloading(monotonicMicroseconds: 123_456_789), "RELOADING=1\nMONOTONIC_USEC=123456789"),
        (.extendTimeout(.seconds(90)), "EXTEND_TIMEOUT_USEC=90000000"),
        (.extendTimeout(.milliseconds(1500)), "EXTEND_TIMEOUT_USEC=1500000"),
        (.extendTimeout(.nanoseconds(1999)), "EXTEND_TIMEOUT_USEC=1"),
        (.extendTimeout(.seconds(-5)), "EXTEND_TIMEOUT_USEC=0"),
    ])
    func text(message: NotifyMessage, expected: String) {
        #expect(message.text == expected)
    }

    @Test
    func statusIsSanitizedToOneLine() {
        #expect(NotifyMessage.sanitizedStatus("a\nb\r\nc\td\u{0}e") == "a b  c d e")
        #expect(NotifyMessage.sanitizedStatus("\nready\n") == "ready")
        #expect(NotifyMessage.sanitizedStatus("line\u{2028}sep") == "line sep")
        #expect(NotifyMessage.sanitizedStatus("token gültig 41m ✓") == "token gültig 41m ✓")
        #expect(!NotifyMessage.status("x\ny").text.contains("\n"))
    }
}
