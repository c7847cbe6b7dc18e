// Spectral's OpenAPI `recommended` rules and the OWASP API Security ruleset, from their npm packages (nothing is
// fetched), with the changes below. Each is listed in the README under "OpenAPI lint", with its reason.
import owaspRuleset from '@stoplight/spectral-owasp-ruleset';
import rulesets from '@stoplight/spectral-rulesets';
import type { RulesetDefinition } from '@stoplight/spectral-core';

type Rule = Record<string, unknown>;
const owasp = owaspRuleset as unknown as { rules: Record<string, Rule> };

/** The schemas of what a client sends (parameters and request bodies) that are of `type`, at any depth. */
const inputsOfType = (type: string) => [
  `$.paths[*][*].parameters[?(@ && @.schema && @.schema.type=="${type}")].schema`,
  `$.paths[*][*].parameters[*].schema..[?(@ && @.type=="${type}")]`,
  `$.paths[*][*].requestBody.content[*].schema..[?(@ && @.type=="${type}")]`,
];

/**
 * OWASP API4's size limits apply to what a client sends, where an unbounded string or list costs the server. A
 * response here is built from a fixed, published dataset: a bound on it would limit nothing.
 */
const onInputs = (name: string, type: string): Rule => ({ ...owasp.rules[name], given: inputsOfType(type) });

export const ruleset = {
  extends: [
    [rulesets.oas as RulesetDefinition, 'recommended'],
    [owaspRuleset as unknown as RulesetDefinition, 'recommended'],
  ],
  rules: {
    'owasp:api4:2023-string-limit': onInputs('owasp:api4:2023-string-limit', 'string'),
    'owasp:api4:2023-string-restricted': onInputs('owasp:api4:2023-string-restricted', 'string'),
    'owasp:api4:2023-array-limit': onInputs('owasp:api4:2023-array-limit', 'array'),
    // The probes are never rate-limited, by design (a prober asks often, from one address): their answers carry no
    // rate-limit headers. Every other operation still must.
    'owasp:api4:2023-rate-limit': {
      ...owasp.rules['owasp:api4:2023-rate-limit'],
      given: ['$.paths[?(!@property.match(/^\\/(healthz|livez|readyz)$/))]..responses[?(@property.match(/^(2|4)/))]'],
    },
    'owasp:api4:2023-rate-limit-responses-429': {
      ...owasp.rules['owasp:api4:2023-rate-limit-responses-429'],
      given: ['$.paths[?(!@property.match(/^\\/(healthz|livez|readyz)$/))]..responses'],
    },
    // The published rule throws on a schema property named `in` (stoplightio/spectral-owasp-ruleset#76); this is
    // its fix from pull request #75, not yet released.
    'owasp:api2:2023-no-credentials-in-url': {
      ...owasp.rules['owasp:api2:2023-no-credentials-in-url'],
      given: ['$..parameters[?(@ && @.in && @.in.match && @.in.match(/query|path/))].name'],
    },
  },
} as RulesetDefinition;
