#!/bin/sh
# Builds workforce in release with the Swift standard library and Foundation linked statically
# (the binary needs no Swift toolchain on the machine), and installs it under PREFIX (default
# /usr/local):
#
#   PREFIX/bin/workforce
#   PREFIX/share/workforce/        Frameworks/, Surveys/banks/, Surveys/margins/, Surveys/demo/,
#                                  which the binary finds by itself (../share/workforce)
#   PREFIX/share/man/man1/workforce.1
#   PREFIX/share/bash-completion/completions/workforce, PREFIX/share/zsh/site-functions/_workforce,
#   PREFIX/share/fish/vendor_completions.d/workforce.fish
#
# Usage: scripts/install.sh [PREFIX]. Run it again to upgrade; the data folders are replaced.
set -eu
prefix=${1:-/usr/local}
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac
cd "$(dirname "$0")/.."

swift build -c release --product workforce --static-swift-stdlib
bin=$(swift build -c release --product workforce --static-swift-stdlib --show-bin-path)

share=$prefix/share/workforce
mkdir -p "$prefix/bin" "$share" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
# The data: copied beside, then moved in, so that an interrupted upgrade leaves the old copy.
staging=$(mktemp -d "$prefix/share/.workforce.XXXXXX")
chmod 755 "$staging"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/Surveys"
cp -R Frameworks "$staging/Frameworks"
for folder in banks margins demo; do cp -R "Surveys/$folder" "$staging/Surveys/$folder"; done
rm -rf "$share.old"
mv "$share" "$share.old"
mv "$staging" "$share"
rm -rf "$share.old"

install -m 755 "$bin/workforce" "$prefix/bin/workforce.new"
mv "$prefix/bin/workforce.new" "$prefix/bin/workforce"
"$prefix/bin/workforce" man > "$prefix/share/man/man1/workforce.1"
"$prefix/bin/workforce" completion bash > "$prefix/share/bash-completion/completions/workforce"
"$prefix/bin/workforce" completion zsh > "$prefix/share/zsh/site-functions/_workforce"
"$prefix/bin/workforce" completion fish > "$prefix/share/fish/vendor_completions.d/workforce.fish"
echo "Installed $("$prefix/bin/workforce" --version) into $prefix"
