// Realistic log lines per ImagePod component, for the devcluster's log generator (gen.mjs) and
// the benchmark. Plain Node, no dependencies. Each generator returns one line of text (no newline).
const pick = (a) => a[Math.floor(Math.random() * a.length)];
const int = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));
const hex = (n) => Array.from({ length: n }, () => pick('0123456789abcdef')).join('');
const ip = () => `10.244.${int(0, 3)}.${int(2, 250)}`;
const GREEN = '\x1b[32m',
  YELLOW = '\x1b[33m',
  RED = '\x1b[31m',
  RESET = '\x1b[0m',
  BOLD = '\x1b[1m';

// A rare ERROR / WARN, so colouring and search have something to find.
const roll = () => Math.random();

export const COMPONENTS = {
  api() {
    const r = roll();
    if (r < 0.01)
      return `${RED}ERROR${RESET}:    request_id=${hex(12)} POST /v1/jobs failed: redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.`;
    if (r < 0.04)
      return `${YELLOW}WARNING${RESET}:  request_id=${hex(12)} slow query took ${int(500, 3000)}ms: SELECT * FROM jobs WHERE status = 'queued'`;
    const [method, path, status] = pick([
      ['GET', '/health', 200],
      ['GET', '/v1/jobs', 200],
      ['POST', '/v1/jobs', 201],
      ['GET', `/v1/jobs/${hex(8)}`, 200],
      ['GET', `/v1/images/${hex(8)}`, 200],
      ['POST', '/v1/images/generate', 202],
      ['GET', '/metrics', 200],
      ['GET', `/v1/jobs/${hex(8)}`, 404],
    ]);
    return `${GREEN}INFO${RESET}:     ${ip()}:${int(30000, 60000)} - "${method} ${path} HTTP/1.1" ${status} ${int(1, 250)}ms`;
  },
  'gpu-worker'() {
    const r = roll();
    const gpu = int(0, 3);
    if (r < 0.01)
      return `level=error ts=${new Date().toISOString()} msg="CUDA error: out of memory" gpu=${gpu} job=${hex(8)} requested_mib=${int(8000, 20000)}`;
    if (r < 0.04)
      return `level=warn ts=${new Date().toISOString()} msg="GPU temperature high" gpu=${gpu} temp_c=${int(83, 91)}`;
    return pick([
      () =>
        `level=info ts=${new Date().toISOString()} msg="job started" job=${hex(8)} gpu=${gpu} model=sdxl-1.0 steps=${int(20, 50)}`,
      () =>
        `level=info ts=${new Date().toISOString()} msg="step" job=${hex(8)} gpu=${gpu} step=${int(1, 50)}/50 it_per_s=${(Math.random() * 6 + 2).toFixed(2)}`,
      () =>
        `level=info ts=${new Date().toISOString()} msg="job finished" job=${hex(8)} gpu=${gpu} duration_s=${(Math.random() * 30 + 3).toFixed(1)}`,
      () =>
        `level=debug ts=${new Date().toISOString()} msg="heartbeat" queue_depth=${int(0, 40)} gpus_busy=${int(0, 4)}/4`,
    ])();
  },
  postgres() {
    const r = roll();
    const pid = int(100, 9999);
    const ts = new Date().toISOString().replace('T', ' ').replace('Z', ' UTC');
    if (r < 0.01) return `${ts} [${pid}] ERROR:  duplicate key value violates unique constraint "jobs_pkey"`;
    if (r < 0.04) return `${ts} [${pid}] WARNING:  there is no transaction in progress`;
    return pick([
      () => `${ts} [${pid}] LOG:  checkpoint starting: time`,
      () =>
        `${ts} [${pid}] LOG:  checkpoint complete: wrote ${int(1, 900)} buffers (${(Math.random() * 5).toFixed(1)}%); write=${(Math.random() * 30).toFixed(3)} s`,
      () => `${ts} [${pid}] LOG:  connection received: host=${ip()} port=${int(30000, 60000)}`,
      () => `${ts} [${pid}] LOG:  connection authorized: user=imagepod database=imagepod`,
      () =>
        `${ts} [${pid}] LOG:  duration: ${(Math.random() * 50).toFixed(3)} ms  statement: UPDATE jobs SET status='running' WHERE id=${int(1, 99999)}`,
    ])();
  },
  redis() {
    const r = roll();
    const d = new Date();
    const ts = `${String(d.getUTCDate()).padStart(2, '0')} ${d.toUTCString().slice(8, 11)} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
    if (r < 0.03)
      return `1:M ${ts} # WARNING: ${pick(['Memory overcommit must be enabled!', 'maxmemory reached, evicting keys'])}`;
    return pick([
      () => `1:M ${ts} * ${int(1, 100)} changes in 60 seconds. Saving...`,
      () => `1:M ${ts} * Background saving started by pid ${int(100, 999)}`,
      () => `${int(100, 999)}:C ${ts} * DB saved on disk`,
      () => `1:M ${ts} * Background saving terminated with success`,
      () => `1:M ${ts} - Accepted ${ip()}:${int(30000, 60000)}`,
    ])();
  },
  prometheus() {
    const r = roll();
    const ts = new Date().toISOString();
    if (r < 0.02)
      return `ts=${ts} caller=scrape.go:1400 level=warn component="scrape manager" scrape_pool=dcgm-exporter target=http://${ip()}:9400/metrics msg="Append failed" err="out of bounds"`;
    return pick([
      () =>
        `ts=${ts} caller=compact.go:519 level=info component=tsdb msg="write block" mint=${Date.now() - 7200000} maxt=${Date.now()} ulid=01J${hex(23).toUpperCase()} duration=${int(50, 900)}ms`,
      () =>
        `ts=${ts} caller=head.go:1219 level=info component=tsdb msg="Head GC completed" caller=truncateMemory duration=${(Math.random() * 20).toFixed(3)}ms`,
      () =>
        `ts=${ts} caller=checkpoint.go:100 level=info component=tsdb msg="Creating checkpoint" from_segment=${int(0, 50)} to_segment=${int(51, 99)}`,
    ])();
  },
  grafana() {
    const r = roll();
    const t = new Date().toISOString();
    if (r < 0.02)
      return `logger=context userId=0 orgId=0 uname= t=${t} level=error msg="Failed to look up user based on cookie" error="user token not found"`;
    return pick([
      () =>
        `logger=context userId=1 orgId=1 uname=admin t=${t} level=info msg="Request Completed" method=GET path=/api/datasources/proxy/uid/prometheus/api/v1/query_range status=200 remote_addr=${ip()} time_ms=${int(3, 300)} duration=${int(3, 300)}ms size=${int(100, 90000)}`,
      () => `logger=cleanup t=${t} level=info msg="Completed cleanup jobs" duration=${int(2, 40)}.${int(100, 999)}ms`,
      () => `logger=infra.usagestats t=${t} level=info msg="Usage stats are ready to report"`,
    ])();
  },
};

/** The last lines of a container that crashed: what `kubectl logs --previous` shows. */
export function previousLog(component) {
  const tail = {
    api: [
      'INFO:     Shutting down',
      `${RED}ERROR${RESET}:    Traceback (most recent call last):`,
      '  File "/app/main.py", line 42, in lifespan',
      'sqlalchemy.exc.OperationalError: could not connect to server: Connection refused',
      `${BOLD}${RED}FATAL${RESET}: startup failed, exiting with code 1`,
    ],
    'gpu-worker': [
      'level=info msg="draining jobs"',
      'level=error msg="CUDA error: an illegal memory access was encountered" gpu=2',
      'level=fatal msg="worker exiting" code=139',
    ],
    postgres: [
      'LOG:  received fast shutdown request',
      'LOG:  aborting any active transactions',
      'FATAL:  terminating connection due to administrator command',
      'LOG:  database system is shut down',
    ],
    redis: [
      '# User requested shutdown...',
      '* Saving the final RDB snapshot before exiting.',
      '# Redis is now ready to exit, bye bye...',
    ],
    prometheus: [
      'level=warn msg="Received SIGTERM, exiting gracefully..."',
      'level=info msg="Stopping scrape manager..."',
      'level=info msg="See you next time!"',
    ],
    grafana: [
      'level=info msg="Shutdown started" reason="System signal: terminated"',
      'level=error msg="Server shutdown" error="context canceled"',
    ],
  };
  return tail[component] ?? ['exiting'];
}
