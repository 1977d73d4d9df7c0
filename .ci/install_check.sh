#!/usr/bin/env bash
# The installed tool, not the checkout: scripts/install.sh into a temporary prefix, then
# `workforce demo` from another folder with only PATH set (the release binary finds its data in
# PREFIX/share/workforce by itself); the Swift runtime is linked in; the manual page reads
# with `man -l` without warnings; the completion scripts load in bash, zsh and fish and
# complete a subcommand.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd)

missing=()
command -v man > /dev/null || missing+=(man-db)
command -v zsh > /dev/null || missing+=(zsh)
command -v fish > /dev/null || missing+=(fish)
if ((${#missing[@]})); then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}" > /dev/null
fi

prefix=$(mktemp -d)
away=$(mktemp -d)
trap 'rm -rf "$prefix" "$away"' EXIT
scripts/install.sh "$prefix" > /dev/null

if ldd "$prefix/bin/workforce" | grep -q 'libswift\|libFoundation'; then
    echo "install: the binary links the Swift runtime dynamically:" >&2
    ldd "$prefix/bin/workforce" >&2
    exit 1
fi
(cd "$away" && env -i PATH="$prefix/bin:/usr/bin:/bin" workforce demo --out "$away/demo" > "$away/demo.log")
test -s "$away/demo/report.html"
test -s "$away/demo/explorer.html"
if grep -q "$checkout" "$away/demo.log" "$away/demo/report.md"; then
    echo "install: the installed demo reached into the checkout $checkout" >&2
    exit 1
fi
env -i PATH="$prefix/bin:/usr/bin:/bin" workforce --version | grep -q "^workforce .* (git $(git rev-parse HEAD)"

# The manual page: no warning from man/groff, and man finds it under PREFIX/share/man.
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/workforce.1" 2>&1 > /dev/null)
if [[ -n $warnings ]]; then
    echo "install: man -l warns about workforce.1:" >&2
    echo "$warnings" >&2
    exit 1
fi
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$prefix/share/man/man1/workforce.1" | grep -q "workforce framework search"
test "$(MANPATH="$prefix/share/man" man -w workforce)" = "$prefix/share/man/man1/workforce.1"

# Completion: each script loads, and completes `workforce framew` to framework (`fra` is also
# frame and frames).
bash -c "source '$prefix/share/bash-completion/completions/workforce'; COMP_WORDS=(workforce framew); COMP_CWORD=1; _workforce; [[ \${COMPREPLY[*]} == framework ]]" \
    || { echo "install: bash does not complete 'workforce framew' to framework" >&2; exit 1; }
bash -c "source '$prefix/share/bash-completion/completions/workforce'; COMP_WORDS=(workforce fra); COMP_CWORD=1; _workforce; [[ \${COMPREPLY[*]} == 'framework frame frames' ]]" \
    || { echo "install: bash does not complete 'workforce fra' to frame, frames and framework" >&2; exit 1; }
zsh -n "$prefix/share/zsh/site-functions/_workforce"
zsh -c "fpath=('$prefix/share/zsh/site-functions' \$fpath); autoload -Uz compinit; compinit -u -d '$away/zcompdump'; [[ \${_comps[workforce]} == _workforce ]]"
# Outside a completion widget: compadd and _files print what they are given.
completed=$(zsh -c "compdef() { :; }; compadd() { [[ \$1 == -- ]] && shift; print -l -- \"\$@\"; }; _files() { :; }
    source '$prefix/share/zsh/site-functions/_workforce'; words=(workforce framework list k); CURRENT=4; _workforce" | grep '^k')
[[ $completed == ksas ]] || { echo "install: zsh completes 'workforce framework list k' to: $completed" >&2; exit 1; }
fish -n "$prefix/share/fish/vendor_completions.d/workforce.fish"
completed=$(fish -c "source '$prefix/share/fish/vendor_completions.d/workforce.fish'; complete -C 'workforce framew'")
[[ $completed == framework* ]] || { echo "install: fish completes 'workforce framew' to: $completed" >&2; exit 1; }
completed=$(fish -c "source '$prefix/share/fish/vendor_completions.d/workforce.fish'; complete -C 'workforce framework list k'")
[[ $completed == ksas* ]] || { echo "install: fish completes 'workforce framework list k' to: $completed" >&2; exit 1; }
echo "install: the installed workforce runs the demo outside the checkout; man page and completions check"
