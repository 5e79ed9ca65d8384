// sdk/bearer-token-in-code: code that sets AWS_BEARER_TOKEN_BEDROCK (the Bedrock API key the SDK
// sends as a bearer token), or that holds a literal Bedrock API key.
import { propValue, type Value } from '../../code/values';
import type { Span } from '../../types';
import { defineCodeRule } from '../rule';

/** True for a value that clears the variable rather than setting it. */
function clears(v: Value): boolean {
  return v.kind === 'null' || (v.kind === 'string' && v.complete && v.value === '') || (v.kind === 'reference' && v.path.length === 1 && v.path[0] === 'undefined');
}

export default defineCodeRule({
  meta: {
    id: 'sdk/bearer-token-in-code',
    target: 'code',
    severity: 'error',
    description: 'Code sets AWS_BEARER_TOKEN_BEDROCK or holds a literal Bedrock API key (bearer token).',
    fixable: false,
    docs: {
      rationale: [
        'A Bedrock API key is a bearer token: whoever holds it can call Bedrock as its owner, with no signature and no other credential. When the environment variable `AWS_BEARER_TOKEN_BEDROCK` is set, the AWS SDK sends `Authorization: Bearer <key>` on every Bedrock runtime request of the process, even when the client has IAM credentials, so code that sets the variable silently switches every client of the process to that key. A key written in code leaks with the code (version control, bundles, logs).',
        '',
        'Prefer IAM roles and temporary credentials. Where an API key must be used, keep it in a secret store, set the variable in the runtime environment rather than in code, scope the key with `bedrock:BearerTokenType` and short lifetimes, and restrict `bedrock:CallWithBearerToken` (bedrock/bearer-token-unrestricted). Assigning `undefined` or `\'\'` (clearing the variable) is not reported.',
      ].join('\n'),
      bad: "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n\nprocess.env.AWS_BEARER_TOKEN_BEDROCK = 'ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLWtleS1ub3QtcmVhbA==';\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });",
      good: "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n\n// The role of the function or container signs the requests; no API key in the code.\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });",
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
      ],
    },
  },
  check(ctx) {
    const reported: Span[] = [];
    const inside = (s: Span) => reported.some((r) => r.start <= s.start && s.end <= r.end);
    for (const b of ctx.code.bearerTokens) {
      if (clears(b.value)) continue;
      reported.push(b.span);
      const literal = b.value.kind === 'string' && b.value.complete ? ' to a key written in the code' : '';
      const what = b.style === 'assignment' ? `Code sets AWS_BEARER_TOKEN_BEDROCK${literal}: every Bedrock client of the process then authenticates with that API key instead of its IAM credentials.` : `AWS_BEARER_TOKEN_BEDROCK is passed${literal} in an environment: the process that gets it authenticates every Bedrock call with that API key.`;
      ctx.report(b.span, `${what} Keep API keys out of code.`);
    }
    for (const c of ctx.code.clients) {
      // `new BedrockRuntimeClient({ token: { token: '…' } })`: the SDK's bearer-token identity.
      const inner = propValue(propValue(c.config, 'token'), 'token');
      if (inner?.kind !== 'string' || !inner.complete || inner.value === '') continue;
      reported.push(inner.home ?? inner.span);
      ctx.report(inner.span, `${c.className} is given a bearer token written in the code: anyone with the code can call Bedrock with it. Keep API keys out of code.`);
    }
    for (const s of ctx.code.secrets) {
      if (s.kind !== 'bedrock-api-key' || inside(s.span)) continue;
      ctx.report(s.span, 'This string holds a Bedrock API key (a bearer token): anyone with the code can call Bedrock with it. Keep API keys out of code and revoke this one.');
    }
  },
});
