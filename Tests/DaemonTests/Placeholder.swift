import Testing

@Suite struct DaemonPlaceholderTests {}
