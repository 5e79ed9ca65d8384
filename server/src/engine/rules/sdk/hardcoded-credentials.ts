// sdk/hardcoded-credentials: AWS credentials written in the code — string literals (or constants)
// for accessKeyId, secretAccessKey or sessionToken, and access key ids (AKIA…, ASIA…) in any
// string literal.
import type { Span } from '../../types';
import { defineCodeRule } from '../rule';

/**
 * Values that are obviously not secrets: empty, the documentation examples (`AKIAIOSFODNN7EXAMPLE`,
 * `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`), and the dummies local emulators and tests use.
 */
const PLACEHOLDER = /^(|.*EXAMPLE.*|test|testing|fake|dummy|mock|local|localstack|x+|foo|bar|none|null|undefined|placeholder|changeme|secret|key|<[^>]*>|\$\{[^}]*\}|your[-_ a-z]*)$/i;

const LABEL: Record<string, string> = { accessKeyId: 'An access key id', secretAccessKey: 'A secret access key', sessionToken: 'A session token' };

export default defineCodeRule({
  meta: {
    id: 'sdk/hardcoded-credentials',
    target: 'code',
    severity: 'error',
    description: 'AWS credentials written in the code: string-literal accessKeyId/secretAccessKey/sessionToken, or an access key id (AKIA…, ASIA…) in a string.',
    fixable: false,
    docs: {
      rationale: [
        'Credentials in source code end up in version control, build artifacts, bundles shipped to browsers, logs and screenshots, where anyone who can read them can act as the key\'s owner — including invoking models on your account\'s bill. Leaked access keys are found by automated scanners within minutes of a push. An `AKIA…` id is a long-term IAM user key; `ASIA…` is a temporary one whose session token is usually next to it.',
        '',
        'Give the SDK no credentials in code: the default provider chain finds the role of the Lambda function, container or instance, an SSO or assumed-role profile, or environment variables set outside the code. Rotate (deactivate and delete) any key that was committed. Not reported: empty values, AWS\'s documentation examples (`…EXAMPLE…`) and dummies such as `test` or `fake` that local emulators use.',
      ].join('\n'),
      bad: "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n\nconst client = new BedrockRuntimeClient({\n  region: 'us-east-1',\n  credentials: { accessKeyId: 'AKIA2JXQ7HZ3M5KD4W6P', secretAccessKey: 'the-secret-from-the-team-wiki' },\n});",
      good: "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });",
      references: [
        'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
      ],
    },
  },
  check(ctx) {
    const reported: Span[] = [];
    for (const c of ctx.code.credentials) {
      const v = c.value;
      if (v.kind !== 'string' || !v.complete || PLACEHOLDER.test(v.value)) continue;
      reported.push(v.home ?? v.span);
      ctx.report(v.span, `${LABEL[c.name] ?? c.name} is written in the code (${c.name}): remove it and let the SDK's default credential provider chain find credentials; rotate the key if it was ever committed.`);
    }
    for (const s of ctx.code.secrets) {
      if (s.kind !== 'access-key-id' || PLACEHOLDER.test(s.text)) continue;
      if (reported.some((r) => r.start <= s.span.start && s.span.end <= r.end)) continue;
      const kind = s.text.startsWith('ASIA') ? 'a temporary access key id' : 'an access key id';
      ctx.report(s.span, `This string holds ${kind} (${s.text.slice(0, 8)}…): keep credentials out of the code, and rotate the key if it was ever committed.`);
    }
  },
});
