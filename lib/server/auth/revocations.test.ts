import { describe, expect, it } from 'vitest';
import { RevocationSync, type RevocationSnapshot, type RevocationStore } from './revocations';

const sid = (i: number) => `sid${String(i).padStart(13, '0')}`;
const HOUR = 3_600_000;

/**
 * The list kept in memory the way the API server keeps the ConfigMap: a resourceVersion that every
 * write bumps, a write naming an older version is a conflict. `down` makes every call fail;
 * `raceOnce` lets another writer in between the next read and write.
 */
class MemoryStore implements RevocationStore {
  readonly name = 'ConfigMap test/revocations';
  data: Record<string, string> | null = null;
  version = 0;
  down = false;
  writes = 0;
  conflicts = 0;
  raceOnce: (() => void) | null = null;

  async read(): Promise<RevocationSnapshot | null> {
    if (this.down) throw new Error('connect ECONNREFUSED');
    if (!this.data) return null;
    const snap = { version: String(this.version), data: { ...this.data }, object: {} };
    const race = this.raceOnce;
    this.raceOnce = null;
    race?.();
    return snap;
  }

  async write(prev: RevocationSnapshot | null, data: Record<string, string>): Promise<'ok' | 'conflict'> {
    if (this.down) throw new Error('connect ECONNREFUSED');
    if (prev ? prev.version !== String(this.version) : this.data !== null) {
      this.conflicts++;
      return 'conflict';
    }
    this.data = { ...data };
    this.version++;
    this.writes++;
    return 'ok';
  }
}

const quiet = { warn: () => {}, error: () => {} };

describe('RevocationSync', () => {
  it('refuses its own sign-out at once and writes it to the list, creating the object', async () => {
    const store = new MemoryStore();
    const a = new RevocationSync(store, { log: quiet });
    const exp = Date.now() + HOUR;
    const out = await a.revokeEverywhere(sid(1), exp);
    expect(out).toEqual({ written: true });
    expect(a.isRevoked(sid(1))).toBe(true);
    expect(store.data).toEqual({ [sid(1)]: new Date(exp).toISOString() });
  });

  it("learns another replica's sign-outs on its next read and reports them", async () => {
    const store = new MemoryStore();
    const learnt: string[][] = [];
    const a = new RevocationSync(store, { log: quiet });
    const b = new RevocationSync(store, { log: quiet, pollMs: 20, onRevoked: (s) => learnt.push(s) });
    b.start();
    await b.ready();
    await a.revokeEverywhere(sid(1), Date.now() + HOUR);
    expect(b.isRevoked(sid(1))).toBe(false);
    await expect.poll(() => b.isRevoked(sid(1)), { timeout: 2000 }).toBe(true);
    expect(learnt).toEqual([[sid(1)]]);
    b.stop();
  });

  it('merges on a conflict instead of overwriting the other writer', async () => {
    const store = new MemoryStore();
    const a = new RevocationSync(store, { log: quiet });
    const b = new RevocationSync(store, { log: quiet });
    await a.revokeEverywhere(sid(1), Date.now() + HOUR);
    // B's read is followed by A's write before B writes: B's first write is refused (409).
    store.raceOnce = () => void a.revokeEverywhere(sid(2), Date.now() + HOUR);
    await b.revokeEverywhere(sid(3), Date.now() + HOUR);
    await expect.poll(() => Object.keys(store.data ?? {}).sort()).toEqual([sid(1), sid(2), sid(3)]);
    expect(store.conflicts).toBeGreaterThanOrEqual(1);
  });

  it('prunes expired entries whenever it writes', async () => {
    const store = new MemoryStore();
    store.data = {
      [sid(1)]: new Date(Date.now() - 1000).toISOString(),
      [sid(2)]: new Date(Date.now() + HOUR).toISOString(),
    };
    const a = new RevocationSync(store, { log: quiet });
    await a.revokeEverywhere(sid(3), Date.now() + HOUR);
    expect(Object.keys(store.data).sort()).toEqual([sid(2), sid(3)]);
  });

  it('keeps the stored list to its cap', async () => {
    const store = new MemoryStore();
    const a = new RevocationSync(store, { log: quiet, cap: 3 });
    for (let i = 1; i <= 5; i++) await a.revokeEverywhere(sid(i), Date.now() + i * HOUR);
    expect(Object.keys(store.data ?? {}).sort()).toEqual([sid(3), sid(4), sid(5)]);
    // This replica still refuses all five.
    for (let i = 1; i <= 5; i++) expect(a.isRevoked(sid(i))).toBe(true);
  });

  it('an unreadable list keeps what was known: nothing is ever un-revoked by an outage or a deletion', async () => {
    const store = new MemoryStore();
    const warnings: string[] = [];
    const b = new RevocationSync(store, { pollMs: 10, log: { warn: (m) => warnings.push(m), error: () => {} } });
    await new RevocationSync(store, { log: quiet }).revokeEverywhere(sid(1), Date.now() + HOUR);
    b.start();
    await expect.poll(() => b.isRevoked(sid(1))).toBe(true);
    store.down = true;
    await new Promise((r) => setTimeout(r, 60));
    expect(b.isRevoked(sid(1))).toBe(true);
    // One warning for the whole outage, not one per read.
    expect(warnings.filter((w) => w.includes('cannot read'))).toHaveLength(1);
    store.down = false;
    store.data = null; // someone deleted the ConfigMap
    await new Promise((r) => setTimeout(r, 60));
    expect(b.isRevoked(sid(1))).toBe(true);
    b.stop();
  });

  it('a failed write still revokes here, says why, and is retried in the background until it lands', async () => {
    const store = new MemoryStore();
    store.down = true;
    const a = new RevocationSync(store, { log: quiet });
    const out = await a.revokeEverywhere(sid(1), Date.now() + HOUR);
    expect(out.written).toBe(false);
    expect(out.error).toMatch(/ECONNREFUSED/);
    expect(a.isRevoked(sid(1))).toBe(true);
    expect(a.pendingCount()).toBe(1);
    store.down = false;
    // The first retry comes 1 to 2 s later (backoff from 2 s with jitter).
    await expect.poll(() => store.data?.[sid(1)], { timeout: 5000, interval: 100 }).toBeDefined();
    expect(a.pendingCount()).toBe(0);
    a.stop();
  });

  it('gives up on a write after the retry window, and says so', async () => {
    const store = new MemoryStore();
    store.down = true;
    let now = Date.now();
    const errors: string[] = [];
    const a = new RevocationSync(store, {
      retryForMs: 1000,
      now: () => now,
      log: { warn: () => {}, error: (m) => errors.push(m) },
    });
    await a.revokeEverywhere(sid(1), now + HOUR);
    now += 2000;
    await expect.poll(() => a.pendingCount(), { timeout: 5000, interval: 100 }).toBe(0);
    expect(errors.join('\n')).toMatch(/gave up writing the sign-out of session/);
    expect(a.isRevoked(sid(1))).toBe(true);
    a.stop();
  });

  it('a slow API server does not hold the sign-out up beyond its wait', async () => {
    const store = new MemoryStore();
    store.read = () => new Promise(() => {});
    const a = new RevocationSync(store, { log: quiet });
    const t0 = Date.now();
    const out = await a.revokeEverywhere(sid(1), Date.now() + HOUR, 100);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(out).toEqual({ written: false, error: 'no answer from the API server within 100 ms' });
    expect(a.isRevoked(sid(1))).toBe(true);
  });

  it('an id the list cannot hold is never written', async () => {
    const store = new MemoryStore();
    const a = new RevocationSync(store, { log: quiet });
    expect(await a.revokeEverywhere('../../etc/passwd', Date.now() + HOUR)).toEqual({
      written: false,
      error: 'not a session id',
    });
    expect(store.writes).toBe(0);
    expect(a.pendingCount()).toBe(0);
  });

  it('an expired session is only revoked here and never written', async () => {
    const store = new MemoryStore();
    const a = new RevocationSync(store, { log: quiet });
    expect(await a.revokeEverywhere(sid(1), Date.now() - 1)).toEqual({ written: true });
    expect(store.writes).toBe(0);
  });
});
