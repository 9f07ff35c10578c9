import Testing

@Suite struct OnboardCtlPlaceholderTests {}
