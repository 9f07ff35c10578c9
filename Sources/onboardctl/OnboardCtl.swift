import OnboardCore
@main struct OnboardCtl { static func main() {} }
