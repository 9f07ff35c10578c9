/// Conversions between `Duration` and floating-point seconds used by the scheduler's rate arithmetic.
///
/// Kept in a namespace (not as a `Duration` extension) so it cannot clash with helpers elsewhere in the module.
enum SchedulerTime {
    /// `duration` in seconds, as a `Double`.
    static func seconds(_ duration: Duration) -> Double {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// A duration of `seconds`, rounded **up** to the next nanosecond so that waiting for it never ends early.
    ///
    /// Negative and NaN inputs give `.zero`; values beyond about 292 years saturate.
    static func duration(seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        let nanoseconds = (seconds * 1e9).rounded(.up)
        guard nanoseconds < Double(Int64.max) else { return .nanoseconds(Int64.max) }
        return .nanoseconds(Int64(nanoseconds))
    }

    /// `duration` in whole nanoseconds, clamped to `0...Int64.max`.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let components = duration.components
        guard components.seconds >= 0 else { return 0 }
        let (wholeSeconds, overflow) = components.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return Int64.max }
        let (total, overflow2) = wholeSeconds.addingReportingOverflow(components.attoseconds / 1_000_000_000)
        return overflow2 ? Int64.max : max(0, total)
    }
}
