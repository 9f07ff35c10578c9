/// systemd integration of onboardd: notify, watchdog, journald, socket activation.
enum OnboardSystemdModule {}
