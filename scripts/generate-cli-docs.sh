#!/usr/bin/env bash
# Generates onboardctl's man page and shell completions from its argument parser, into OUT_DIR:
#
#   OUT_DIR/onboardctl.1       man page (mdoc), from swift-argument-parser's generate-manual tool
#   OUT_DIR/onboardctl.bash    bash completion  -> /usr/share/bash-completion/completions/onboardctl
#   OUT_DIR/_onboardctl        zsh completion   -> /usr/share/zsh/vendor-completions/_onboardctl
#   OUT_DIR/onboardctl.fish    fish completion  -> /usr/share/fish/vendor_completions.d/onboardctl.fish
#
# Usage: scripts/generate-cli-docs.sh OUT_DIR [ONBOARDCTL]
#
#   ONBOARDCTL  the built binary to document (e.g. the release build that goes into the .deb). Without it, the
#               script builds the product with `swift build --product onboardctl` in $SCRATCH_PATH.
#
# Environment:
#   SWIFT               the swift driver (default: swift)
#   SCRATCH_PATH        the package's build folder, whose checkouts/ holds swift-argument-parser (default: .build)
#   DOCS_SCRATCH_PATH   where the generate-manual tool is built (default: .build-docs, git-ignored)
#   SOURCE_DATE_EPOCH   the man page's date, for reproducible packages (default: the last commit's date, else today)
#
# Works offline: generate-manual is built from the swift-argument-parser checkout that SwiftPM already resolved for
# this package (a package with no dependencies of its own). It runs `ONBOARDCTL --experimental-dump-help` and renders
# the result; the completions come from `ONBOARDCTL --generate-completion-script bash|zsh|fish`.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
    echo "usage: $0 OUT_DIR [ONBOARDCTL]" >&2
    exit 64
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
out=$1
swift=${SWIFT:-swift}
scratch=${SCRATCH_PATH:-$repo/.build}
docs_scratch=${DOCS_SCRATCH_PATH:-$repo/.build-docs}

if [ $# -eq 2 ]; then
    binary=$2
else
    "$swift" build --package-path "$repo" --scratch-path "$scratch" --product onboardctl
    binary="$("$swift" build --package-path "$repo" --scratch-path "$scratch" --show-bin-path)/onboardctl"
fi
if [ ! -x "$binary" ]; then
    echo "error: $binary is not an executable onboardctl; build it first (swift build --product onboardctl) or pass its path" >&2
    exit 66
fi

parser="$scratch/checkouts/swift-argument-parser"
if [ ! -f "$parser/Package.swift" ]; then
    "$swift" package --package-path "$repo" --scratch-path "$scratch" resolve
fi
if [ ! -f "$parser/Package.swift" ]; then
    echo "error: no swift-argument-parser checkout in $scratch/checkouts; set SCRATCH_PATH to the folder the package was built in" >&2
    exit 69
fi

mkdir -p "$out"

# Completions, straight from the parser.
"$binary" --generate-completion-script bash >"$out/onboardctl.bash"
"$binary" --generate-completion-script zsh >"$out/_onboardctl"
"$binary" --generate-completion-script fish >"$out/onboardctl.fish"

# The man page, dated reproducibly.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)
fi
date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
"$swift" build --package-path "$parser" --scratch-path "$docs_scratch" --product generate-manual >&2
generate_manual="$("$swift" build --package-path "$parser" --scratch-path "$docs_scratch" --show-bin-path)/generate-manual"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$generate_manual" "$binary" --date "$date" --section 1 --output-directory "$staging"
# Blank lines between paragraphs of a discussion are not valid mdoc (groff warns, lintian flags it): make them .Pp.
sed 's/^$/.Pp/' "$staging/onboardctl.1" >"$out/onboardctl.1"

# Check what was produced: the page renders without warnings, and each completion script is non-empty.
if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -mandoc -Tutf8 -ww -z "$out/onboardctl.1" 2>&1 || true)
    if [ -n "$warnings" ]; then
        echo "error: the generated man page has mdoc warnings:" >&2
        echo "$warnings" >&2
        exit 65
    fi
fi
for file in onboardctl.1 onboardctl.bash _onboardctl onboardctl.fish; do
    if [ ! -s "$out/$file" ]; then
        echo "error: $out/$file is empty" >&2
        exit 70
    fi
done
echo "wrote $out/onboardctl.1, onboardctl.bash, _onboardctl, onboardctl.fish (from $binary)" >&2
