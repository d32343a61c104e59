import type { Rule } from 'eslint';

/** See no-local-time-format.mjs. */
export declare const noLocalTimeFormat: Rule.RuleModule;
declare const plugin: { rules: Record<string, Rule.RuleModule> };
export default plugin;
