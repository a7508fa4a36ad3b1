-- Prints one machine-readable line after a wrk run: requests/s, p50, p95 and p99 latency in ms,
-- answers that were not 2xx/3xx and socket errors (bench/search-bench.ts reads it).
function done(summary, latency)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("WRK %.1f %.2f %.2f %.2f %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
