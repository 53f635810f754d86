#!/bin/bash
# A one-off static generation in a fresh JVM, as an admin runs it, timed with GNU time
# (Debian package `time`): wall clock, user and system CPU of the command and of every
# process it starts. Several WARs are run in turn, round after round, so that they
# share the machine's moods, each with a cache of its own; the medians come last. See
# BENCHMARKS.md, "Web site".
#
#   server-war/bench/fresh-generate.sh LOGS ROUNDS WAR [WAR...]
#   OUT_ROOT=/dev/shm server-war/bench/fresh-generate.sh ...   # where the sites go (default: a temp dir)
#   JAVA_OPTIONS="-Dtestfarm.fork=false" server-war/bench/fresh-generate.sh ...
#
# A tree to generate from: `SiteBench generate` leaves one (10 clients x 1,000 executions
# x 20 commands) and prints where.
set -euo pipefail
if [ $# -lt 3 ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
logs=$1; rounds=$2; shift 2
[ -d "$logs" ] || { echo "fresh-generate: no log directory $logs" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "fresh-generate: needs GNU time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d "${OUT_ROOT:-${TMPDIR:-/tmp}}/fresh-generate.XXXXXX")
trap 'rm -rf "$work"' EXIT
for round in $(seq "$rounds"); do
    index=0
    for war in "$@"; do
        rm -rf "$work/site"
        index=$((index + 1))
        load=$(cut -d' ' -f1 /proc/loadavg)
        # Each WAR has a cache of its own, as on an admin's machine: in a shared one, each launch
        # would remove the other WAR's unpacked copy (and its class archive), and unpack its own again.
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %U %S" -o "$work/time" java -Dtestfarm.cache="$work/cache-$index" ${JAVA_OPTIONS:-} \
            -jar "$war" generate "$logs" "$work/site" \
            > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
        read -r wall user sys < "$work/time"
        printf '%s round %d: wall %s s, cpu %s s (user %s, sys %s), load %s\n' \
            "$war" "$round" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$user" "$sys" "$load" | tee -a "$work/all"
    done
done
# Round 1 is each WAR's first launch from its cache: it unpacks the WAR, and its generation writes
# the class archive later launches use; it is shown apart, and the medians are over the later rounds.
[ "$rounds" -ge 2 ] || exit 0
echo "first launches:"
for war in "$@"; do
    echo "  $war: wall $(grep -F "$war round 1:" "$work/all" | sed 's/.*wall \([0-9.]*\) s.*/\1/') s"
done
echo "medians over rounds 2 to $rounds:"
for war in "$@"; do
    walls=$(grep -F "$war round" "$work/all" | grep -vF "$war round 1:" | sed 's/.*wall \([0-9.]*\) s.*/\1/' | sort -n)
    count=$(echo "$walls" | wc -l)
    echo "  $war: wall $(echo "$walls" | sed -n "$(( (count + 1) / 2 ))p") s (min $(echo "$walls" | head -1), max $(echo "$walls" | tail -1))"
done
