import OnboardCore
@main struct OnboardDaemon { static func main() {} }
