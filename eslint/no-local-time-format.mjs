/**
 * ESLint rule: absolute times are written by lib/time/format-time.ts only, in the operator's one
 * UTC-or-local zone. Elsewhere it forbids `toLocaleDateString` / `toLocaleTimeString`,
 * `toLocaleString` on a Date (by type, where type information is available, else on
 * `new Date(...)`), `getTimezoneOffset`, and `Intl.DateTimeFormat` — each of which writes times
 * in the runtime's own zone and locale, which differ between the server's render and the browser.
 */

const ALWAYS = new Set(['toLocaleDateString', 'toLocaleTimeString', 'getTimezoneOffset']);

function isNewDate(node) {
  return node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Date';
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLocalTimeFormat = {
  meta: {
    type: 'problem',
    docs: { description: 'Format absolute times through lib/time/format-time.ts only.' },
    messages: {
      call: '`{{name}}` writes a time in the runtime’s zone and locale: use formatTime / useFormatTime (lib/time/format-time.ts, components/time/).',
      intl: 'Intl.DateTimeFormat belongs in lib/time/format-time.ts: use formatTime / useFormatTime.',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const typed = Boolean(services?.program && services.getTypeAtLocation);
    const isDate = (node) => {
      if (isNewDate(node)) return true;
      if (!typed) return false;
      const type = services.getTypeAtLocation(node);
      const checker = services.program.getTypeChecker();
      const name = checker.typeToString(checker.getApparentType(type));
      return name === 'Date';
    };
    return {
      MemberExpression(node) {
        if (node.object.type === 'Identifier' && node.object.name === 'Intl' && !node.computed) {
          if (node.property.name === 'DateTimeFormat') context.report({ node, messageId: 'intl' });
          return;
        }
        if (node.computed || node.property.type !== 'Identifier') return;
        const name = node.property.name;
        if (ALWAYS.has(name) || (name === 'toLocaleString' && isDate(node.object))) {
          context.report({ node, messageId: 'call', data: { name } });
        }
      },
    };
  },
};

/** The panel's local ESLint plugin. */
const plugin = { rules: { 'no-local-time-format': noLocalTimeFormat } };
export default plugin;
