#!/usr/bin/env bash
# Builds the Debian package onboard_<version>_<arch>.deb from already built binaries.
#
# Usage: scripts/build-deb.sh BIN_DIR OUT_DIR [VERSION]
#   BIN_DIR  holds onboardd and onboardctl, built with the Swift runtime linked in, e.g.
#              swift build -c release --static-swift-stdlib --scratch-path .build-pkg --product onboardd
#              swift build -c release --static-swift-stdlib --scratch-path .build-pkg --product onboardctl
#            BIN_DIR is then .build-pkg/release. Binaries that need libswift*.so get a warning: the package does
#            not ship the Swift runtime and the target machine has none.
#   OUT_DIR  where the .deb is written (created if missing).
#   VERSION  default: OnboardVersion.current from Sources/Core/OnboardVersion.swift.
# Environment: DEB_ARCH (default: from the binaries' ELF header, else dpkg --print-architecture),
#              DEB_MAINTAINER (default "onboard <dev@onboard.invalid>").
# Needs dpkg-deb; uses dpkg-shlibdeps (dpkg-dev) for the library dependencies when it is there, and
# scripts/generate-cli-docs.sh OUTDIR BIN_DIR/onboardctl for the man page and shell completions when that script
# exists (SCRATCH_PATH: the scratch folder of BIN_DIR when it holds checkouts/swift-argument-parser, unless set).
# Prints the path of the .deb on its last line.
set -euo pipefail

usage() { echo "usage: $0 BIN_DIR OUT_DIR [VERSION]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
bin_dir=$(cd "$1" && pwd) || { echo "build-deb: no such folder: $1" >&2; exit 2; }
mkdir -p "$2"
out_dir=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
maintainer=${DEB_MAINTAINER:-onboard <dev@onboard.invalid>}
warn() { echo "build-deb: WARNING: $*" >&2; }
die() { echo "build-deb: $*" >&2; exit 1; }

command -v dpkg-deb >/dev/null || die "dpkg-deb not found (Debian package dpkg)"
for b in onboardd onboardctl; do
  [ -x "$bin_dir/$b" ] || die "$bin_dir/$b is missing or not executable"
done

# --- version and architecture ---------------------------------------------------------------------------------
version=${3:-$(sed -n 's/.*static let current = "\([^"]*\)".*/\1/p' "$repo/Sources/Core/OnboardVersion.swift" 2>/dev/null || true)}
[ -n "$version" ] || die "no VERSION given and none found in Sources/Core/OnboardVersion.swift"
[[ $version =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || die "'$version' is not a valid Debian version (must start with a digit)"

arch=${DEB_ARCH:-}
if [ -z "$arch" ] && command -v readelf >/dev/null; then
  case "$(readelf -h "$bin_dir/onboardd" 2>/dev/null | sed -n 's/^ *Machine: *//p')" in
    *X86-64*) arch=amd64 ;;
    *AArch64*) arch=arm64 ;;
  esac
fi
[ -n "$arch" ] || arch=$(dpkg --print-architecture)

# --- the Swift runtime must be linked in ------------------------------------------------------------------------
for b in onboardd onboardctl; do
  if command -v ldd >/dev/null && libs=$(ldd "$bin_dir/$b" 2>/dev/null); then
    swiftlibs=$(grep -E 'lib(swift[^ ]*|_?Foundation[^ ]*|dispatch|BlocksRuntime)\.so' <<<"$libs" | awk '{print $1}' | tr '\n' ' ' || true)
    [ -z "$swiftlibs" ] || warn "$b needs the Swift runtime ($swiftlibs); rebuild with --static-swift-stdlib, the package does not ship it"
    missing=$(grep 'not found' <<<"$libs" | awk '{print $1}' | tr '\n' ' ' || true)
    [ -z "$missing" ] || warn "$b needs libraries not found on this machine: $missing"
  else
    warn "could not run ldd on $b (foreign architecture?); not checked for libswift*.so"
  fi
done

# --- staging tree ---------------------------------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
doc=$root/usr/share/doc/onboard
umask 022
install -d "$root/DEBIAN"
install -D -m 0755 "$bin_dir/onboardd" "$root/usr/sbin/onboardd"
install -D -m 0755 "$bin_dir/onboardctl" "$root/usr/bin/onboardctl"
if command -v strip >/dev/null; then
  strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/sbin/onboardd" "$root/usr/bin/onboardctl" ||
    warn "strip failed; the binaries keep their symbols"
fi
install -D -m 0644 "$repo/packaging/systemd/onboardd.service" "$root/usr/lib/systemd/system/onboardd.service"
install -D -m 0644 "$repo/packaging/systemd/onboardd.socket" "$root/usr/lib/systemd/system/onboardd.socket"
install -D -m 0644 "$repo/packaging/sysusers.d/onboardd.conf" "$root/usr/lib/sysusers.d/onboardd.conf"
install -D -m 0644 "$repo/packaging/tmpfiles.d/onboardd.conf" "$root/usr/lib/tmpfiles.d/onboardd.conf"
if command -v python3 >/dev/null; then
  python3 -m json.tool "$repo/packaging/onboardd.json" >/dev/null || die "packaging/onboardd.json is not valid JSON"
fi
install -D -m 0644 "$repo/packaging/onboardd.json" "$root/etc/onboardd/onboardd.json"
conffiles=/etc/onboardd/onboardd.json
shopt -s nullglob
profiles=("$repo"/examples/profiles/*.json)
[ ${#profiles[@]} -gt 0 ] || warn "no profiles in examples/profiles/"
for p in "${profiles[@]}"; do
  install -D -m 0644 "$p" "$root/etc/onboardd/profiles/$(basename "$p")"
  conffiles+=$'\n'"/etc/onboardd/profiles/$(basename "$p")"
done

install -d "$doc/examples"
[ -f "$repo/docs/packaging.md" ] && install -m 0644 "$repo/docs/packaging.md" "$doc/packaging.md"
[ -f "$repo/README.md" ] && install -m 0644 "$repo/README.md" "$doc/README.md"
install -m 0644 "$repo/packaging/onboardd.json" "$doc/examples/onboardd.json"
for f in "$repo"/examples/*.json "$repo"/examples/*.csv "$repo"/examples/README.md; do
  if [ -f "$f" ]; then install -m 0644 "$f" "$doc/examples/$(basename "$f")"; fi
done
cat >"$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: onboard
Comment: Built from the onboard source repository by scripts/build-deb.sh.

Files: *
Copyright: the onboard authors
License: not-declared
 The source repository does not declare a licence.
EOF
printf 'onboard (%s) unstable; urgency=medium\n\n  * Built by scripts/build-deb.sh.\n\n -- %s  %s\n' \
  "$version" "$maintainer" "$(date -R ${SOURCE_DATE_EPOCH:+-d @$SOURCE_DATE_EPOCH})" | gzip -9n >"$doc/changelog.gz"

# --- man pages and completions ----------------------------------------------------------------------------------
clidocs=$work/clidocs
mkdir -p "$clidocs"
generator=$repo/scripts/generate-cli-docs.sh
if [ -f "$generator" ]; then
  run=("$generator"); [ -x "$generator" ] || run=(bash "$generator")
  # It documents the binary given as its second argument (never building one) and builds its generate-manual tool
  # from the swift-argument-parser checkout of SCRATCH_PATH: the scratch folder BIN_DIR belongs to, if it has one.
  if [ -z "${SCRATCH_PATH:-}" ]; then
    for candidate in "$bin_dir/.." "$bin_dir/../.." "$(cd "$bin_dir" && pwd -P)/../.."; do
      if [ -f "$candidate/checkouts/swift-argument-parser/Package.swift" ]; then
        export SCRATCH_PATH; SCRATCH_PATH=$(cd "$candidate" && pwd); break
      fi
    done
  fi
  if BIN_DIR=$bin_dir PATH="$bin_dir:$PATH" "${run[@]}" "$clidocs" "$bin_dir/onboardctl" >&2; then
    :
  else
    warn "scripts/generate-cli-docs.sh failed; the package has no man pages or completions from it"
  fi
else
  # No generator yet: ArgumentParser writes the completion scripts itself.
  for shell in bash zsh fish; do
    "$bin_dir/onboardctl" --generate-completion-script "$shell" >"$clidocs/onboardctl.$shell" 2>/dev/null ||
      rm -f "$clidocs/onboardctl.$shell"
  done
fi
while IFS= read -r f; do
  name=$(basename "$f")
  [ -s "$f" ] || continue
  case "$name" in
    *.[1-8].gz) section=${name%.gz}; section=${section##*.}
                install -D -m 0644 "$f" "$root/usr/share/man/man$section/$name" ;;
    *.[1-8]) section=${name##*.}
             install -d "$root/usr/share/man/man$section"
             gzip -9nc "$f" >"$root/usr/share/man/man$section/$name.gz"; chmod 0644 "$root/usr/share/man/man$section/$name.gz" ;;
    _onboardctl|onboardctl.zsh) install -D -m 0644 "$f" "$root/usr/share/zsh/vendor-completions/_onboardctl" ;;
    onboardctl.fish) install -D -m 0644 "$f" "$root/usr/share/fish/vendor_completions.d/onboardctl.fish" ;;
    onboardctl.bash|onboardctl.bash-completion) install -D -m 0644 "$f" "$root/usr/share/bash-completion/completions/onboardctl" ;;
    onboardctl) case "$f" in *bash*) install -D -m 0644 "$f" "$root/usr/share/bash-completion/completions/onboardctl" ;; esac ;;
  esac
done < <(find "$clidocs" -type f | sort)

# --- maintainer scripts ---------------------------------------------------------------------------------------
cat >"$root/DEBIAN/postinst" <<'EOF'
#!/bin/sh
# onboard postinst: static user and groups, spool folders, secrets folder, systemd units.
set -e
case "$1" in
  configure)
    systemd-sysusers onboardd.conf
    systemd-tmpfiles --create onboardd.conf
    # For client_secret_file: secrets readable by the daemon (group onboardd), not by others.
    if [ ! -e /etc/onboardd/secrets ]; then
      install -d -m 0750 -o root -g onboardd /etc/onboardd/secrets
    fi
    if [ -d /run/systemd/system ]; then
      systemctl daemon-reload || true
      if [ -z "$2" ]; then
        # First installation: the socket starts the daemon on the first connection.
        systemctl enable onboardd.socket || true
        systemctl start onboardd.socket || true
      else
        # Upgrade: the socket stays bound while the daemon restarts; clients queue.
        systemctl try-restart onboardd.service || true
      fi
    fi
    ;;
esac
exit 0
EOF
cat >"$root/DEBIAN/prerm" <<'EOF'
#!/bin/sh
# onboard prerm: stop the daemon and its socket on removal (not on upgrade; postinst restarts it).
set -e
case "$1" in
  remove|deconfigure)
    if [ -d /run/systemd/system ]; then
      systemctl stop onboardd.service onboardd.socket || true
    fi
    ;;
esac
exit 0
EOF
cat >"$root/DEBIAN/postrm" <<'EOF'
#!/bin/sh
# onboard postrm. remove: the units are gone, reload systemd; enablement symlinks stay so that a
# reinstallation keeps the administrator's choice. purge: also the enablement, the database and the spool.
# Kept on purge: the users and groups (Debian practice), /etc/onboardd/secrets if not empty, drop-ins under
# /etc/systemd/system/onboardd.service.d and credentials under /etc/credstore.encrypted.
set -e
case "$1" in
  purge)
    rm -f /etc/systemd/system/sockets.target.wants/onboardd.socket \
          /etc/systemd/system/multi-user.target.wants/onboardd.service
    rm -rf /var/lib/onboardd /var/spool/onboardd
    rmdir /etc/onboardd/secrets 2>/dev/null || true
    rmdir /etc/onboardd/profiles 2>/dev/null || true
    rmdir /etc/onboardd 2>/dev/null || true
    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
    ;;
  remove)
    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
    ;;
esac
exit 0
EOF
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"
printf '%s\n' "$conffiles" >"$root/DEBIAN/conffiles"

# --- control ----------------------------------------------------------------------------------------------------
depends=""
if command -v dpkg-shlibdeps >/dev/null; then
  mkdir -p "$work/shlibs/debian"
  printf 'Source: onboard\n\nPackage: onboard\nArchitecture: any\n' >"$work/shlibs/debian/control"
  if out=$(cd "$work/shlibs" && dpkg-shlibdeps -O --warnings=0 -e"$root/usr/sbin/onboardd" -e"$root/usr/bin/onboardctl" 2>"$work/shlibdeps.err"); then
    depends=$(sed -n 's/^shlibs:Depends=//p' <<<"$out")
  else
    warn "dpkg-shlibdeps failed ($(head -n 1 "$work/shlibdeps.err")); using the fixed dependency list"
  fi
fi
for required in libsystemd0 libsqlite3-0 systemd; do
  grep -qE "(^|, )$required( |,|$)" <<<"$depends" || depends=${depends:+$depends, }$required
done
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: onboard
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_size
Depends: $depends
Section: admin
Priority: optional
Description: onboard customers onto Acronis Cyber Protect Cloud
 onboardd is a systemd daemon that onboards customers onto Acronis Cyber
 Protect Cloud: it creates the customer tenant, enables the services of a
 profile, creates and activates the customer's admin user, and issues an
 agent registration token with ready-to-run install commands. Requests
 arrive over a control socket (onboardctl) or a spool folder, and every
 onboarding is a durable job that survives restarts.
 .
 onboardctl is its command-line client.
EOF
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"

deb=$out_dir/onboard_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "$deb"
