import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { noLocalTimeFormat } from '../../eslint/no-local-time-format.mjs';

// The lint rule that keeps lib/time/format-time.ts the one writer of absolute times. Without type
// information it knows a Date by `new Date(...)`; eslint.config.mjs adds types (a typed Date
// variable), which the whole-tree lint run exercises.
RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('no-local-time-format', noLocalTimeFormat, {
  valid: [
    'const n = (42).toLocaleString("en-US");',
    'const s = count.toLocaleString();',
    'const iso = new Date(ms).toISOString();',
    'formatTime(t, zone);',
  ],
  invalid: [
    { code: 'new Date(t).toLocaleString("en-GB");', errors: [{ messageId: 'call' }] },
    { code: 'd.toLocaleTimeString();', errors: [{ messageId: 'call' }] },
    { code: 'd.toLocaleDateString("en-GB", { month: "short" });', errors: [{ messageId: 'call' }] },
    { code: 'const o = d.getTimezoneOffset();', errors: [{ messageId: 'call' }] },
    { code: 'new Intl.DateTimeFormat("en", {}).format(d);', errors: [{ messageId: 'intl' }] },
  ],
});
