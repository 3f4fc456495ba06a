#!/usr/bin/env bash
# Times a full render by cable against glow v2.1.1, whole process, on the
# same generated 10k- and 50k-word articles at 80 columns without colour:
#   cable read FILE --width 80 --style notty --no-state > /dev/null
# (--no-state: without it, every run after the first would read the
# rendering back from cable's render cache instead of rendering.)
#   glow -s notty -w 80 FILE > /dev/null
# Runs alternate between the two so that a busy machine slows both alike;
# the script prints the median of each and their ratio. glow is fetched as
# a Go module into a temporary directory and never committed.
set -euo pipefail
runs=${RUNS:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building cable and glow v2.1.1 (first time: glow's modules are downloaded)" >&2
(cd "$root" && go build -o "$work/cable" . && go run ./scripts/sample -words 10000 >"$work/10k.md" &&
	go run ./scripts/sample -words 50000 >"$work/50k.md")
# "go install module@version" asks the proxy for the module's version list,
# which this machine's proxy refuses; a temporary module that requires the
# exact version needs only that version.
mkdir "$work/glowmod"
(cd "$work/glowmod" && go mod init glowbuild >/dev/null 2>&1 &&
	go get github.com/charmbracelet/glow/v2@v2.1.1 >/dev/null 2>&1 &&
	go build -o "$work/glow" github.com/charmbracelet/glow/v2)

# elapsed prints how long a command took, in milliseconds.
elapsed() {
	local start end
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
printf '%-6s %12s %12s %8s\n' file "cable (ms)" "glow (ms)" ratio
for size in 10k 50k; do
	file="$work/$size.md"
	: >"$work/cable.times"
	: >"$work/glow.times"
	for _ in $(seq "$runs"); do
		elapsed "$work/cable" read "$file" --width 80 --style notty --no-state >>"$work/cable.times"
		elapsed "$work/glow" -s notty -w 80 "$file" >>"$work/glow.times"
	done
	c=$(median <"$work/cable.times")
	g=$(median <"$work/glow.times")
	printf '%-6s %12s %12s %8s\n' "$size" "$c" "$g" "$(awk -v c="$c" -v g="$g" 'BEGIN {printf "%.2f", c/g}')"
done
