#!/bin/bash
# Regenerations of a watching generator, run as an admin runs it: `java -jar WAR generate
# --watch --interval 1` over a copy of a log tree. Every PAUSE seconds a new execution of
# the tree's first client arrives the way the server stores one (its newest execution's
# .log and .info under the next id, two hours later, and one stats line per key), and the
# generator's own report of the round that wrote it ("in N ms") is collected. Prints each
# round, then the median. See BENCHMARKS.md, "Web site".
#
#   server-war/bench/watch-regenerate.sh LOGS ROUNDS WAR [PAUSE]
#   OUT_ROOT=/dev/shm server-war/bench/watch-regenerate.sh ...   # where the copy and the site go
#   JAVA_OPTIONS="-Dtestfarm.fork=false" server-war/bench/watch-regenerate.sh ...
#
# A tree to start from: `SiteBench generate` leaves one (10 clients x 1,000 executions
# x 20 commands) and prints where.
set -euo pipefail
if [ $# -lt 3 ]; then
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
logs=$1; rounds=$2; war=$3; pause=${4:-3}
[ -d "$logs" ] || { echo "watch-regenerate: no log directory $logs" >&2; exit 2; }
work=$(mktemp -d "${OUT_ROOT:-${TMPDIR:-/tmp}}/watch-regenerate.XXXXXX")
pid=
stop() {
    if [ -n "$pid" ]; then # the generator and the JVM it started for the work
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap stop EXIT
cp -r "$logs" "$work/logs"
client=$(dirname "$(find "$work/logs" -mindepth 3 -maxdepth 3 -name '*.info' | sort | head -1)")

reports() { grep -c '^Generated ' "$work/out" || true; }
# waits until the generator has reported more than $1 rounds; fails after 120 s
await() {
    for _ in $(seq 1200); do
        [ "$(reports)" -gt "$1" ] && return 0
        kill -0 "$pid" 2>/dev/null || { cat "$work/out" >&2; exit 1; }
        sleep 0.1
    done
    echo "watch-regenerate: no report after 120 s" >&2
    cat "$work/out" >&2
    exit 1
}

# shellcheck disable=SC2086
java ${JAVA_OPTIONS:-} -jar "$war" generate --watch --interval 1 "$work/logs" "$work/site" > "$work/out" 2>&1 &
pid=$!
await 0
echo "first generation: $(sed -n 's/.* in \([0-9]*\) ms$/\1/p' "$work/out" | head -1) ms"
for round in $(seq "$rounds"); do
    sleep "$pause"
    newest=$(find "$client" -maxdepth 1 -name '*.info' | sort | tail -1)
    id=$(basename "$newest" .info)
    next=$(date -d "${id:0:8} ${id:9:2}:${id:11:2}:${id:13:2} 2 hours" +%Y%m%d-%H%M%S)
    seen=$(reports)
    # as the server stores it: the log, then the info that makes it listed, then its stats
    cp "$client/$id.log" "$client/.$next.log" && mv "$client/.$next.log" "$client/$next.log"
    sed "s/$id/$next/g" "$client/$id.info" > "$client/.$next.info.tmp" && mv "$client/.$next.info.tmp" "$client/$next.info"
    if [ -f "$client/stats" ]; then
        grep "^('$id'," "$client/stats" | sed "s/$id/$next/" >> "$client/stats" || true
    fi
    await "$seen"
    sleep 1.5 # a round that started between the files sees the rest in the next one: count both
    tail -n +"$((seen + 1))" <(grep '^Generated ' "$work/out") | sed -n 's/.*: \([0-9]*\) files written.* in \([0-9]*\) ms$/\2 \1/p' \
        | while read -r ms files; do
            printf 'round %d: %s ms (%s files written), load %s\n' "$round" "$ms" "$files" "$(cut -d' ' -f1 /proc/loadavg)"
        done | tee -a "$work/all"
done
echo "median over $(wc -l < "$work/all") reports: $(awk '{print $3}' "$work/all" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms" \
    "(min $(awk '{print $3}' "$work/all" | sort -n | head -1), max $(awk '{print $3}' "$work/all" | sort -n | tail -1))"
