// A packed bpmnlint configuration (what bpmnlint-pack-config would generate) for bpmn-js-bpmnlint.
import { bindings, compensationStart, conditionOnGatewayFlows, jobTypeRequired, listeners, noDisconnected, startEventRequired, unsupportedElements } from './rules.js';

const RULES = {
  'bpmnlint-plugin-pppk/unsupported-elements': unsupportedElements,
  'bpmnlint-plugin-pppk/start-event-required': startEventRequired,
  'bpmnlint-plugin-pppk/job-type-required': jobTypeRequired,
  'bpmnlint-plugin-pppk/no-disconnected': noDisconnected,
  'bpmnlint-plugin-pppk/gateway-flow-conditions': conditionOnGatewayFlows,
  'bpmnlint-plugin-pppk/listeners': listeners,
  'bpmnlint-plugin-pppk/bindings': bindings,
  'bpmnlint-plugin-pppk/compensation-start': compensationStart,
};

const resolver = {
  resolveRule(pkg, ruleName) {
    const rule = RULES[`${pkg}/${ruleName}`];
    if (!rule) throw new Error(`cannot resolve rule <${pkg}/${ruleName}>`);
    return rule;
  },
  resolveConfig(pkg, configName) {
    throw new Error(`cannot resolve config <${configName}> in <${pkg}>`);
  },
};

export const config = {
  rules: {
    'pppk/unsupported-elements': 'error',
    'pppk/start-event-required': 'error',
    'pppk/job-type-required': 'error',
    'pppk/no-disconnected': 'warn',
    'pppk/gateway-flow-conditions': 'warn',
    'pppk/listeners': 'error',
    'pppk/bindings': 'error',
    'pppk/compensation-start': 'error',
  },
};

export default { resolver, config };
