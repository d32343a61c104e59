# Shared by the benchmarks' run.sh scripts (sourced after devcluster/lib.sh).

# Re-runs the calling script once under `timeout` (BENCH_TIMEOUT_S, default 600 s), so a run
# always stops by itself. Call it with the script's own arguments: bench_bounded "$@".
bench_bounded() {
  if [ -z "${BENCH_INNER:-}" ]; then
    exec timeout --kill-after=15 "${BENCH_TIMEOUT_S:-600}" env BENCH_INNER=1 bash "$0" "$@"
  fi
}

# Stops the process group a `setsid` child leads: TERM, up to 5 s to exit, then KILL.
stop_group() {
  local pid="$1"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
