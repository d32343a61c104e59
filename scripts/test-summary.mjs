// Prints one closing line per suite and a total ("N passed, N failed"), from the JSON reports
// that scripts/test.sh asks vitest and Playwright to write into .test-reports/.
import { existsSync, readFileSync } from 'node:fs';

const dir = '.test-reports';
const suites = [];
for (const name of ['unit', 'integration', 'replicas']) {
  const f = `${dir}/${name}.json`;
  if (!existsSync(f)) continue;
  const r = JSON.parse(readFileSync(f, 'utf8'));
  suites.push({
    name,
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  });
}
if (existsSync(`${dir}/e2e.json`)) {
  const s = JSON.parse(readFileSync(`${dir}/e2e.json`, 'utf8')).stats;
  suites.push({ name: 'e2e', passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped });
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const s of suites) {
  console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  total.passed += s.passed;
  total.failed += s.failed;
  total.skipped += s.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || suites.length === 0 ? 1 : 0);
