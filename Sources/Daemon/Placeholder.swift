/// Placeholder; replaced as the daemon services land.
enum DaemonPlaceholder {}
