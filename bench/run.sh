#!/usr/bin/env bash
# run.sh: the throughput benchmark behind `make bench`. Builds corpora from
# examples/ (10 MB and 100 MB; 1 GB with BENCH_LARGE=1) in a temporary
# directory, then times claimcheck extract/check at -j1 and -j2 against
# `pcre2grep -o` with claimcheck's own figure pattern and `wc -w` on the
# same files (and extract -j1 against pcre2grep again on the corpus's
# plain-text files alone, the target's comparison), and the
# Recognizers-Text peer on a slice of the 10 MB corpus.
#
# Environment: BENCH_LARGE=1 adds 1 GB; BENCH_SIZES="10 100" overrides the
# sizes (MB); BENCH_TMP is where corpora go (default: a new dir under
# TMPDIR, removed at the end); BENCH_TIMEOUT caps one command (s, default
# 120); BENCH_REPEAT runs of each command at sizes up to 10 MB, and of the
# peer (default 3; the best is kept; larger sizes run once); BENCH_PEER=0
# skips the peer;
# BENCH_RECSCALE=N the most claims of the reconcile growth table (0 skips it);
# BENCH_ONE=0 skips the plain text joined into one file (at 10 MB);
# BENCH_FORMATS=0 skips check -j2 in every report format (up to 100 MB);
# BENCH_PAIRS more alternating check -j1/-j2 runs at BENCH_PAIRS_AT MB
# (default 5 at 100, every other pair -j2 first; 0 skips them), for the
# -j2/-j1 ratio, and as many
# alternating extract -j1/-j2 and pcre2grep/extract -j1 runs, for those,
# and one pcre2grep against two on the corpus's halves at once: what the
# machine's two cores give a job that shares nothing.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${CCK_BIN:-$ROOT/claimcheck}
TOOLS=${BENCH_TOOLS:-$ROOT/build/bench}
SIZES=${BENCH_SIZES:-10 100}
[ "${BENCH_LARGE:-0}" = 1 ] && SIZES="$SIZES 1024"
TIMEOUT=${BENCH_TIMEOUT:-120}
REPEAT=${BENCH_REPEAT:-3}
PAIRS=${BENCH_PAIRS:-5}
PAIRS_AT=${BENCH_PAIRS_AT:-100}
FORMATS="text jsonl md json csv findings sarif junit github html"
for t in "$BIN" "$TOOLS/mkcorpus" "$TOOLS/measure" "$TOOLS/numpat" "$TOOLS/recscale"; do
    [ -x "$t" ] || { echo "bench: $t is missing (run make bench)" >&2; exit 2; }
done
command -v pcre2grep >/dev/null || { echo "bench: pcre2grep missing (apt-get install pcre2-utils)" >&2; exit 2; }

if [ -n "${BENCH_TMP:-}" ]; then
    W=$BENCH_TMP; mkdir -p "$W"; KEEP=1
else
    W=$(mktemp -d "${TMPDIR:-/tmp}/cck-bench-XXXXXX"); KEEP=0
fi
cleanup() { [ "$KEEP" = 1 ] || rm -rf "$W"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

"$TOOLS/numpat" > "$W/pattern"
# the baseline: pcre2grep -o with that pattern, its matches counted; every
# pcre2grep of the bench runs through this one command
printf '#!/bin/sh\nexec pcre2grep -o -i -U -f %q "$@"\n' "$W/pattern" > "$W/pgrep"
chmod +x "$W/pgrep"
GREP=(sh -c '"$1" -r "$2" | wc -l' sh "$W/pgrep")
mapfile -t EXAMPLES < <(find "$ROOT/examples" -path "$ROOT/examples/ci" -prune -o -type f ! -name 'README*' ! -name '.*' -print | sort)
[ ${#EXAMPLES[@]} -gt 0 ] || { echo "bench: no sources in examples/" >&2; exit 2; }

now() { date -u '+%Y-%m-%d %H:%M UTC'; }
echo "claimcheck bench, $(now)"
echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {printf "%.1f GiB", $2/1024}') memory," \
     "$(uname -m), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "sources: ${#EXAMPLES[@]} example files (${EXAMPLES[*]##*/}), figures varied per copy"
echo "work dir: $W ($(df -Pm "$W" | awk 'NR==2 {print $4}') MB free)"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load average at start: $(load) (other jobs on the machine slow the wall times; cpu s does not wait)"
echo

# ---- one measured command ------------------------------------------------
# m NAME MB REPEATS CMD...: runs CMD REPEATS times (stdout to $W/out.NAME),
# keeps the fastest run's figures in R_WALL R_CPU R_RSS R_STATUS.
m() {
    local name=$1 mb=$2 reps=$3 r
    shift 3
    R_WALL=; R_CPU=; R_RSS=; R_STATUS=
    for ((r = 0; r < reps; r++)); do
        "$TOOLS/measure" -o "$W/time" -t "$T" "$@" > "$W/out.$name" 2> "$W/err.$name"
        read -r wall user sys rss status < "$W/time"
        if [ -z "$R_WALL" ] || awk -v a="$wall" -v b="$R_WALL" 'BEGIN {exit !(a < b)}'; then
            R_WALL=$wall; R_CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
            R_RSS=$rss; R_STATUS=$status
        fi
        [ "$status" = timeout ] && break
    done
}

mbps() { awk -v mb="$1" -v s="$2" 'BEGIN {printf "%.1f", (s > 0 ? mb / s : 0)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a > 0 && b > 0) printf "%.2f", a / b; else printf "-"}'; }
mbof() { awk -v k="${1:-0}" 'BEGIN {printf "%.0f", k / 1024}'; }   # KiB -> MiB

row() { # label mb count-label
    local label=$1 mb=$2 count=$3
    if [ "$R_STATUS" = timeout ]; then
        printf '  %-26s %9s %8s %7s %9.1f  %s\n' "$label" ">$T" "-" ">$R_CPU" \
            "$(awk -v k="$R_RSS" 'BEGIN {print k / 1024}')" "timed out (killed; cpu and peak so far)"
    else
        case $R_STATUS in 0|1) ;; *) count="$count (exit status $R_STATUS)"; summary+=("$label: $R_STATUS") ;; esac
        printf '  %-26s %9.2f %8s %7s %9.1f  %s\n' "$label" "$R_WALL" "$(mbps "$mb" "$R_WALL")" \
            "$R_CPU" "$(awk -v k="$R_RSS" 'BEGIN {print k / 1024}')" "$count"
    fi
}

declare -A WALL CPU RSS COUNT STATUS
summary=()
prev_size=
for size in $SIZES; do
    need=$((size * 8))   # corpus on disk (~1.3x) plus the reports of two runs
    free_mb=$(df -Pm "$W" | awk 'NR==2 {print $4}')
    if [ "$free_mb" -lt "$need" ]; then
        echo "== $size MB: skipped, $free_mb MB free on $(df -P "$W" | awk 'NR==2 {print $6}'), need ~$need MB"
        continue
    fi
    avail_mb=$(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo)
    if [ "$avail_mb" -lt $((size * 12)) ]; then
        echo "== $size MB: skipped, $avail_mb MB of memory available, need ~$((size * 12)) MB"
        continue
    fi
    C=$W/corpus-$size
    read -r nfiles nbytes < <("$TOOLS/mkcorpus" "$C" "$size" "${EXAMPLES[@]}")
    mb=$(awk -v b="$nbytes" 'BEGIN {printf "%.2f", b / 1048576}')
    find "$C" -type f -print0 | sort -z > "$W/files-$size"
    # written back before any timing, so that the disk's writeback of the
    # new corpus does not overlap the first commands; then in the page
    # cache: every tool reads warm files
    sync
    xargs -0 cat < "$W/files-$size" > /dev/null
    reps=$REPEAT; [ "$size" -gt 10 ] && reps=1
    T=$TIMEOUT; [ "$size" -gt 100 ] && T=$((TIMEOUT * size / 100))   # the cap grows with the size
    echo "== $mb MB: $nfiles files (best of $reps run$([ "$reps" = 1 ] || echo s))"
    printf '  %-26s %9s %8s %7s %9s  %s\n' "command" "wall s" "MB/s" "cpu s" "peak MB" "output"

    m wc "$mb" "$reps" wc -w --files0-from="$W/files-$size"
    words=$(tail -1 "$W/out.wc" | awk '{print $1}')
    row "wc -w" "$mb" "$words words"; WALL[wc,$size]=$R_WALL; CPU[wc,$size]=$R_CPU

    m grep "$mb" "$reps" "${GREP[@]}" "$C"
    row "pcre2grep -o | wc -l" "$mb" "$(cat "$W/out.grep") matches"
    WALL[grep,$size]=$R_WALL; CPU[grep,$size]=$R_CPU

    # the target's own comparison: both tools on the plain-text files
    # alone (hard links to the corpus's .txt files, so the same bytes),
    # where neither has markup to read
    T_C=$W/plain-$size
    rm -rf "$T_C"; cp -al "$C" "$T_C" && find "$T_C" -type f ! -name '*.txt' -delete
    read -r tfiles tbytes < <(find "$T_C" -type f -printf '%s\n' | awk '{n++; b += $1} END {print n + 0, b + 0}')
    tmb=$(awk -v b="$tbytes" 'BEGIN {printf "%.2f", b / 1048576}')
    echo "  plain-text files alone: $tfiles files, $tmb MB"
    m tgrep "$tmb" "$reps" "${GREP[@]}" "$T_C"
    row "  pcre2grep -o | wc -l" "$tmb" "$(cat "$W/out.tgrep") matches"
    WALL[tgrep,$size]=$R_WALL; CPU[tgrep,$size]=$R_CPU
    m textract "$tmb" "$reps" "$BIN" extract -j1 -f jsonl "$T_C"
    row "  claimcheck extract -j1" "$tmb" "$(wc -l < "$W/out.textract") claims"
    WALL[textract,$size]=$R_WALL; CPU[textract,$size]=$R_CPU; STATUS[textract,$size]=$R_STATUS
    RSS[textract,$size]=$R_RSS
    [ "$R_STATUS" = timeout ] && WALL[textract,$size]=
    # the same plain text as one source: time and memory should grow with
    # the bytes, not with the bytes of one source times its claims (the
    # small pages above never show that)
    if [ "${BENCH_ONE:-1}" != 0 ] && [ "$size" -le 10 ]; then
        O_C=$W/one-$size
        rm -rf "$O_C"; mkdir -p "$O_C"
        find "$T_C" -type f -print0 | sort -z | xargs -0 cat > "$O_C/all.txt"
        echo "  the same plain text as one file: $tmb MB"
        m oextract "$tmb" "$reps" "$BIN" extract -j1 -f jsonl "$O_C"
        row "  claimcheck extract -j1" "$tmb" "$(wc -l < "$W/out.oextract") claims"
        WALL[oextract,$size]=$R_WALL; RSS[oextract,$size]=$R_RSS
        m tcheck "$tmb" 1 "$BIN" check -j1 -f jsonl "$T_C"
        WALL[tcheck,$size]=$R_WALL; RSS[tcheck,$size]=$R_RSS; tgroups=$(wc -l < "$W/out.tcheck")
        m ocheck "$tmb" 1 "$BIN" check -j1 -f jsonl "$O_C"
        row "  claimcheck check -j1" "$tmb" "$(wc -l < "$W/out.ocheck") groups"
        WALL[ocheck,$size]=$R_WALL; RSS[ocheck,$size]=$R_RSS
        echo "  one file against $tfiles: extract -j1 $(ratio "${WALL[oextract,$size]}" "${WALL[textract,$size]}")x" \
             "the time, check -j1 $(ratio "${WALL[ocheck,$size]}" "${WALL[tcheck,$size]}")x" \
             "(${WALL[tcheck,$size]} s for the $tfiles files, $tgroups groups); peak MB, one file" \
             "against the files: extract $(mbof "${RSS[oextract,$size]}")/$(mbof "${RSS[textract,$size]}")," \
             "check $(mbof "${RSS[ocheck,$size]}")/$(mbof "${RSS[tcheck,$size]}")"
        rm -rf "$O_C" "$W/out.oextract" "$W/out.tcheck" "$W/out.ocheck"
    fi
    rm -f "$W/out.tgrep" "$W/out.textract"

    for cmd in extract check; do
        for j in 1 2; do
            # skip what would not fit: peak RSS grows linearly with size
            if [ -n "$prev_size" ] && [ -n "${RSS[$cmd$j,$prev_size]:-}" ]; then
                want=$(awk -v r="${RSS[$cmd$j,$prev_size]}" -v a="$size" -v b="$prev_size" \
                       'BEGIN {printf "%d", r / 1024 * a / b * 1.2}')
                have=$(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo)
                if [ "$want" -gt "$have" ]; then
                    printf '  %-26s skipped: would need ~%s MB of memory, %s MB available\n' \
                        "claimcheck $cmd -j$j" "$want" "$have"
                    STATUS[$cmd$j,$size]=skipped
                    continue
                fi
            fi
            if [ -n "$prev_size" ] && [ "${STATUS[$cmd$j,$prev_size]:-}" != 0 ] &&
               [ "${STATUS[$cmd$j,$prev_size]:-}" != 1 ]; then
                printf '  %-26s skipped: did not finish at %s MB\n' "claimcheck $cmd -j$j" "$prev_size"
                STATUS[$cmd$j,$size]=skipped
                continue
            fi
            if [ "$j" = 2 ] && [ "${STATUS[${cmd}1,$size]:-}" != 0 ] && [ "${STATUS[${cmd}1,$size]:-}" != 1 ]; then
                printf '  %-26s skipped: -j1 did not finish\n' "claimcheck $cmd -j$j"
                STATUS[$cmd$j,$size]=skipped
                continue
            fi
            r=$reps; [ "$cmd" = check ] && r=1   # long runs: once
            m "$cmd$j" "$mb" "$r" "$BIN" "$cmd" -j"$j" -f jsonl "$C"
            n=$(wc -l < "$W/out.$cmd$j")
            what=claims; [ "$cmd" = check ] && what=groups
            row "claimcheck $cmd -j$j" "$mb" "$n $what"
            WALL[$cmd$j,$size]=$R_WALL; CPU[$cmd$j,$size]=$R_CPU; RSS[$cmd$j,$size]=$R_RSS
            [ "$R_STATUS" = timeout ] && { WALL[$cmd$j,$size]=; CPU[$cmd$j,$size]=; }
            COUNT[$cmd$j,$size]=$n
            STATUS[$cmd$j,$size]=$R_STATUS
        done
        if [ "${STATUS[${cmd}1,$size]}" = 0 ] || [ "${STATUS[${cmd}1,$size]}" = 1 ] &&
           [ "${STATUS[${cmd}2,$size]}" = "${STATUS[${cmd}1,$size]}" ]; then
            if cmp -s "$W/out.${cmd}1" "$W/out.${cmd}2"; then
                echo "  $cmd: -j1 and -j2 reports are byte-identical"
            else
                echo "  $cmd: -j1 and -j2 reports DIFFER"; summary+=("$size MB: $cmd -j1/-j2 differ")
            fi
        fi
        rm -f "$W/out.${cmd}1" "$W/out.${cmd}2"
    done
    e1=${WALL[extract1,$size]:-}
    echo "  target: extract -j1 vs pcre2grep on the plain-text files" \
         "$(ratio "${WALL[tgrep,$size]}" "${WALL[textract,$size]:-}")x the throughput" \
         "(by cpu s: $(ratio "${CPU[tgrep,$size]}" "${CPU[textract,$size]:-}")x)"
    echo "  ratios: extract -j1 vs pcre2grep on every file $(ratio "${WALL[grep,$size]}" "$e1")x," \
         "vs wc -w $(ratio "${WALL[wc,$size]}" "$e1")x (throughput);" \
         "-j2 vs -j1: extract $(ratio "$e1" "${WALL[extract2,$size]:-}")x," \
         "check $(ratio "${WALL[check1,$size]:-}" "${WALL[check2,$size]:-}")x"
    echo "  by cpu s: extract -j1 vs pcre2grep $(ratio "${CPU[grep,$size]}" "${CPU[extract1,$size]:-}")x," \
         "vs wc -w $(ratio "${CPU[wc,$size]}" "${CPU[extract1,$size]:-}")x;" \
         "check -j1 vs extract -j1 $(ratio "${CPU[check1,$size]:-}" "${CPU[extract1,$size]:-}")x the cpu"
    # -j2 against -j1, where one run of each says little on a shared
    # machine: BENCH_PAIRS more runs, -j1 and -j2 in turn, at BENCH_PAIRS_AT
    # MB; each pair's ratio and their median (check, then extract)
    for cmd in check extract; do
        [ "$size" = "$PAIRS_AT" ] && [ "$PAIRS" -gt 0 ] &&
            [[ "${STATUS[${cmd}1,$size]:-}" = [01] ]] && [[ "${STATUS[${cmd}2,$size]:-}" = [01] ]] || continue
        pr=(); pw=
        for ((p = 0; p < PAIRS; p++)); do
            # -j2 first in every other pair: a machine slowing down or
            # speeding up over the runs does not favour one of the two
            if ((p % 2)); then
                m pair2 "$mb" 1 "$BIN" "$cmd" -j2 -f jsonl "$C"; w2=$R_WALL; s2=$R_STATUS
                m pair1 "$mb" 1 "$BIN" "$cmd" -j1 -f jsonl "$C"; w1=$R_WALL; s1=$R_STATUS
            else
                m pair1 "$mb" 1 "$BIN" "$cmd" -j1 -f jsonl "$C"; w1=$R_WALL; s1=$R_STATUS
                m pair2 "$mb" 1 "$BIN" "$cmd" -j2 -f jsonl "$C"; w2=$R_WALL; s2=$R_STATUS
            fi
            [[ "$s1" = [01] && "$s2" = [01] ]] || { pw="$pw (a run did not finish)"; break; }
            pr+=("$(ratio "$w1" "$w2")"); pw="$pw $w1/$w2"
        done
        rm -f "$W/out.pair1" "$W/out.pair2"
        if [ ${#pr[@]} -gt 0 ]; then
            med=$(printf '%s\n' "${pr[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
            echo "  $cmd -j2 vs -j1 in ${#pr[@]} more alternating runs (-j1/-j2 wall s):$pw;" \
                 "ratios ${pr[*]}, median ${med}x"
        fi
    done
    # what two cores of this machine give when nothing is shared, for the
    # -j2 targets: one pcre2grep over every file, then the same files in
    # two halves by two pcre2grep at once, in turn, BENCH_PAIRS times
    if [ "$size" = "$PAIRS_AT" ] && [ "$PAIRS" -gt 0 ]; then
        half=$((nfiles / 2))
        head -z -n "$half" "$W/files-$size" > "$W/half-a"
        tail -z -n +"$((half + 1))" "$W/files-$size" > "$W/half-b"
        ONE=(sh -c 'xargs -0 "$1" < "$2" | wc -l' sh "$W/pgrep" "$W/files-$size")
        TWO=(sh -c '{ xargs -0 "$1" < "$2" | wc -l > "$4"; } &
                    b=$(xargs -0 "$1" < "$3" | wc -l); wait
                    echo $(($(cat "$4") + b))' sh "$W/pgrep" "$W/half-a" "$W/half-b" "$W/half-n")
        pr=(); pw=; same=1
        for ((p = 0; p < PAIRS; p++)); do
            if ((p % 2)); then
                m two "$mb" 1 "${TWO[@]}"; w2=$R_WALL
                m one "$mb" 1 "${ONE[@]}"; w1=$R_WALL
            else
                m one "$mb" 1 "${ONE[@]}"; w1=$R_WALL
                m two "$mb" 1 "${TWO[@]}"; w2=$R_WALL
            fi
            cmp -s "$W/out.one" "$W/out.two" || same=0
            pr+=("$(ratio "$w1" "$w2")"); pw="$pw $w1/$w2"
        done
        med=$(printf '%s\n' "${pr[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
        echo "  the machine's two cores: pcre2grep over every file, then two at once over its halves," \
             "in ${#pr[@]} alternating runs (one/two wall s):$pw; ratios ${pr[*]}, median ${med}x" \
             "$([ "$same" = 1 ] || echo '(match counts DIFFER)')"
        [ "$same" = 1 ] || summary+=("$size MB: the halves' pcre2grep counts differ")
        rm -f "$W/out.one" "$W/out.two" "$W/half-a" "$W/half-b" "$W/half-n"
    fi
    # extract -j1 against pcre2grep the same way, on the plain-text files
    # (the target): one run of each, minutes apart, can land in different
    # weather on a shared machine (the ratio is throughput: pcre2grep's
    # time over extract's)
    if [ "$size" = "$PAIRS_AT" ] && [ "$PAIRS" -gt 0 ] && [[ "${STATUS[textract,$size]:-}" = [01] ]]; then
        pr=(); pc=(); pw=
        for ((p = 0; p < PAIRS; p++)); do
            if ((p % 2)); then
                m paire "$tmb" 1 "$BIN" extract -j1 -f jsonl "$T_C"; we=$R_WALL; ce=$R_CPU; se=$R_STATUS
                m pairg "$tmb" 1 "${GREP[@]}" "$T_C"; wg=$R_WALL; cg=$R_CPU
            else
                m pairg "$tmb" 1 "${GREP[@]}" "$T_C"; wg=$R_WALL; cg=$R_CPU
                m paire "$tmb" 1 "$BIN" extract -j1 -f jsonl "$T_C"; we=$R_WALL; ce=$R_CPU; se=$R_STATUS
            fi
            [[ "$se" = [01] ]] || { pw="$pw (a run did not finish)"; break; }
            pr+=("$(ratio "$wg" "$we")"); pc+=("$(ratio "$cg" "$ce")"); pw="$pw $wg/$we"
        done
        rm -f "$W/out.pairg" "$W/out.paire"
        if [ ${#pr[@]} -gt 0 ]; then
            med=$(printf '%s\n' "${pr[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
            medc=$(printf '%s\n' "${pc[@]}" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
            echo "  extract -j1 vs pcre2grep on the plain-text files in ${#pr[@]} more alternating runs" \
                 "(pcre2grep/extract wall s):$pw;" \
                 "ratios ${pr[*]}, median ${med}x (by cpu s: median ${medc}x)"
        fi
    fi
    # every report format of check, once each at -j2: what one of them
    # costs beyond the grouping shows here, and in the growth below a
    # format whose time grows faster than the corpus (a walk of every
    # claim or source for each one, as csv, json and junit had)
    if [ "${BENCH_FORMATS:-1}" != 0 ] && [ "$size" -le 100 ] && [[ "${STATUS[check2,$size]:-}" = [01] ]]; then
        fw=
        for f in $FORMATS; do
            m "fmt-$f" "$mb" 1 "$BIN" check -j2 -f "$f" --color=never "$C"
            WALL[fmt-$f,$size]=$R_WALL; STATUS[fmt-$f,$size]=$R_STATUS
            [[ "$R_STATUS" = [01] ]] || { summary+=("$size MB: check -f $f: $R_STATUS"); R_WALL="$R_WALL($R_STATUS)"; }
            fw="$fw $f $R_WALL,"
            rm -f "$W/out.fmt-$f"
        done
        echo "  check -j2 in each report format (wall s):${fw%,}"
    fi
    # keep the 10 MB corpus for the peer; the big ones go at once
    rm -rf "$T_C"
    [ "$size" = 10 ] || rm -rf "$C"
    prev_size=$size
    echo
done

# ---- growth with size ------------------------------------------------------
prev=
for size in $SIZES; do
    [ -n "${WALL[extract1,$size]:-}" ] || continue
    if [ -n "$prev" ]; then
        f=$(awk -v a="$size" -v b="$prev" 'BEGIN {printf "%.1f", a / b}')
        echo "growth $prev -> $size MB (x$f in size):"
        for k in extract1 extract2 check1 check2; do
            case "${STATUS[$k,$size]:-none}/${STATUS[$k,$prev]:-none}" in
            [01]/[01]) ;;
            *) echo "  ${k%?} -j${k: -1}: not measured at both sizes (${STATUS[$k,$size]:-none})"; continue ;;
            esac
            dc=$((COUNT[extract1,$size] - COUNT[extract1,$prev]))   # claims, for both commands
            per=$(awk -v a="${RSS[$k,$size]}" -v b="${RSS[$k,$prev]}" -v n="$dc" \
                  'BEGIN {if (n > 0) printf "%.0f", (a - b) * 1024 / n; else print "-"}')
            what="bytes per extra claim"
            echo "  ${k%?} -j${k: -1}: time x$(ratio "${WALL[$k,$size]}" "${WALL[$k,$prev]}")," \
                 "peak RSS x$(ratio "${RSS[$k,$size]}" "${RSS[$k,$prev]}") ($per $what)"
        done
    fi
    prev=$size
done
pf=
for size in $SIZES; do
    [ -n "${WALL[fmt-text,$size]:-}" ] || continue
    if [ -n "$pf" ]; then
        g=
        for f in $FORMATS; do
            [[ "${STATUS[fmt-$f,$size]:-}/${STATUS[fmt-$f,$pf]:-}" = [01]/[01] ]] &&
                g="$g $f x$(ratio "${WALL[fmt-$f,$size]}" "${WALL[fmt-$f,$pf]}"),"
        done
        echo "growth $pf -> $size MB of check -j2 by report format:${g%,}"
    fi
    pf=$size
done
for size in $SIZES; do
    case ${STATUS[extract1,$size]:-none} in 0|1) ;; *) continue ;; esac
    per_check=
    case ${STATUS[check1,$size]:-none} in
    0|1) per_check=", check $(awk -v r="${RSS[check1,$size]}" -v n="${COUNT[extract1,$size]}" \
            'BEGIN {printf "%.0f", r * 1024 / n}') bytes" ;;
    esac
    echo "peak RSS per claim at $size MB: extract $(awk -v r="${RSS[extract1,$size]}" -v n="${COUNT[extract1,$size]}" \
        'BEGIN {printf "%.0f", r * 1024 / n}') bytes$per_check (whole process / claims)"
done
echo

# ---- reconcile alone, by number of claims ----------------------------------
# generated sources in memory; the "one subject" shape puts every claim in
# one group, the worst case for pairwise comparison
if [ "${BENCH_RECSCALE:-400000}" != 0 ]; then
    echo "reconcile stages by claims (bench/recscale.c; time over n log2 n relative to the first row):"
    "$TOOLS/recscale" "${BENCH_RECSCALE:-400000}" | sed 's/^/  /' || summary+=("recscale failed")
    echo
fi

# ---- the peer --------------------------------------------------------------
if [ "${BENCH_PEER:-1}" != 0 ] && [ -d "$W/corpus-10" ]; then
    if [ ! -d "$ROOT/bench/node_modules/@microsoft/recognizers-text-date-time" ] || ! command -v node >/dev/null; then
        echo "peer: skipped (no node or no bench/node_modules)"
    elif [ "$REPEAT" -lt 1 ]; then
        echo "peer: skipped (BENCH_REPEAT=$REPEAT)"
    else
        mapfile -t slice < <(tr '\0' '\n' < "$W/files-10" | head -40)
        # best of BENCH_REPEAT runs, the rule claimcheck's 10 MB runs are kept by
        pbytes=0 psecs=0 pents=0 pok=0
        for ((pr_i = 0; pr_i < REPEAT; pr_i++)); do
            read -r pb ps pe < <(node "$ROOT/bench/peer.js" "${slice[@]}") || continue
            pok=$((pok + 1))
            if [ "$psecs" = 0 ] || awk -v a="$ps" -v b="$psecs" 'BEGIN {exit !(a < b)}'; then
                pbytes=$pb psecs=$ps pents=$pe
            fi
        done
    fi
    if [ "${psecs:-0}" = 0 ]; then
        [ -n "${slice+x}" ] && [ "$REPEAT" -ge 1 ] && { echo "peer: every run failed"; summary+=("peer failed"); }
    else
        pkbs=$(awk -v b="$pbytes" -v s="$psecs" 'BEGIN {printf "%.1f", b / 1024 / s}')
        ckbs=$(awk -v s="${WALL[extract1,10]:-0}" -v mb=10 'BEGIN {if (s > 0) printf "%.0f", mb * 1024 / s}')
        echo "peer: Recognizers-Text (number, percentage, dimension, currency, temperature, age," \
             "datetime; en-us, one paragraph at a time) on $pbytes bytes of the 10 MB corpus:" \
             "$psecs s (best of $pok$([ "$pok" = "$REPEAT" ] || echo " runs that finished, of $REPEAT")), $pkbs KB/s, $pents entities"
        echo "  claimcheck extract -j1 at 10 MB: $ckbs KB/s = $(ratio "$ckbs" "$pkbs")x the peer"
        # the peer runs on one core; -j2 is shown apart, never as the headline
        ck2=$(awk -v s="${WALL[extract2,10]:-0}" -v mb=10 'BEGIN {if (s > 0) printf "%.0f", mb * 1024 / s}')
        [ -n "$ck2" ] && echo "  claimcheck extract -j2 at 10 MB: $ck2 KB/s = $(ratio "$ck2" "$pkbs")x the peer (two cores against its one)"
    fi
fi

echo "load average at the end: $(load)"
for s in "${summary[@]}"; do echo "PROBLEM: $s"; done
[ ${#summary[@]} -eq 0 ]
