#ifndef ONBOARD_PEERCRED_H
#define ONBOARD_PEERCRED_H
#include <sys/types.h>

/// Reads the credentials of the peer of a connected AF_UNIX socket (SO_PEERCRED).
/// Returns 0 on success, -1 with errno set otherwise.
int onboard_peercred(int fd, pid_t *pid, uid_t *uid, gid_t *gid);
#endif
