/**
 * Helpers of the RBAC matrix: what Kubernetes itself says a test user may do
 * (`kubectl auth can-i --as=<the user's ServiceAccount>` with the admin kubeconfig), memoised.
 */
import { kubectl } from './helpers';

type ExecError = Error & { code?: number; stdout?: string };

export interface Can {
  verb: string;
  /** kubectl's name: `pods`, `deployments.apps`, `resourceclaims.resource.k8s.io`. */
  resource: string;
  /** A namespace, or none for cluster scope / every namespace. */
  ns?: string;
  subresource?: string;
}

const memo = new Map<string, Promise<boolean>>();

/** `kubectl auth can-i` as the user (exit 1 means "no"). */
export function canI(user: string, c: Can): Promise<boolean> {
  const args = ['auth', 'can-i', c.verb, c.resource, `--as=${user}`];
  if (c.subresource) args.push(`--subresource=${c.subresource}`);
  args.push(...(c.ns ? ['-n', c.ns] : ['--all-namespaces']));
  const key = args.join(' ');
  let p = memo.get(key);
  if (!p) {
    p = (async () => {
      let out: string;
      try {
        out = await kubectl(args);
      } catch (e) {
        const err = e as ExecError;
        if (err.code !== 1 || err.stdout === undefined) throw e;
        out = err.stdout;
      }
      const answer = out.trim().split('\n')[0];
      if (answer !== 'yes' && answer !== 'no') throw new Error(`kubectl ${key}: ${JSON.stringify(out)}`);
      return answer === 'yes';
    })();
    memo.set(key, p);
  }
  return p;
}

/** Whether the user may do it in at least one of the namespaces (or cluster-wide). */
export async function canISomewhere(user: string, c: Omit<Can, 'ns'>, namespaces: string[]): Promise<boolean> {
  if (await canI(user, c)) return true;
  for (const ns of namespaces) if (await canI(user, { ...c, ns })) return true;
  return false;
}

/** Every `namespace` string anywhere in a JSON answer (items, pods, series labels). */
export function namespacesIn(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) namespacesIn(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === 'namespace' && typeof x === 'string') out.add(x);
      else namespacesIn(x, out);
    }
  return out;
}
