// identity/long-term-api-keys: no active long-term Amazon Bedrock API keys (IAM service-specific
// credentials for bedrock.amazonaws.com). They are static secrets tied to an IAM user; AWS
// recommends short-term keys or temporary credentials (IAM User Guide, "API keys for Amazon
// Bedrock"). Active keys without an expiry fail; active keys that expire are a warning.
// A global check: IAM is not regional.
import type { ServiceSpecificCredentialMetadata } from '@aws-sdk/client-iam';
import { defineCheck, plural } from '../../check';
import { DOCS, iamConsoleUrl } from '../../aws-links';
import { capped, names } from '../evidence';

function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

function day(d: Date | undefined): string {
  return d ? d.toISOString().slice(0, 10) : 'never';
}

export default defineCheck({
  id: 'identity/long-term-api-keys',
  title: 'No long-term Bedrock API keys',
  category: 'Identity',
  needs: ['bedrockApiKeys'],
  evaluate({ bedrockApiKeys }, ctx) {
    const url = iamConsoleUrl(ctx.partition, '#/users');
    const keys = bedrockApiKeys.filter((k): k is ServiceSpecificCredentialMetadata => !!k);
    const expiry = (k: ServiceSpecificCredentialMetadata) => toDate(k.ExpirationDate);
    const expired = (k: ServiceSpecificCredentialMetadata) => {
      const e = expiry(k);
      return e !== undefined && e.getTime() <= ctx.now.getTime();
    };
    const active = keys.filter((k) => k.Status === 'Active' && !expired(k));
    const evidence = capped(
      keys.map((k) => ({
        label: k.UserName ?? 'user',
        value: `${k.ServiceSpecificCredentialId ?? 'key'}: ${k.Status ?? 'unknown status'}${expired(k) ? ' (expired)' : ''}, created ${day(toDate(k.CreateDate))}, expires ${day(expiry(k))}`,
      })),
    );
    if (active.length === 0) return { state: 'pass', summary: 'No active long-term Bedrock API keys', evidence, consoleUrl: url };
    const forever = active.filter((k) => expiry(k) === undefined);
    const target = forever[0] ?? active[0];
    const remediation = {
      title: 'Deactivate long-term API keys (then delete them); use short-term keys or temporary credentials',
      cliCommand: `aws iam update-service-specific-credential --user-name ${target.UserName} --service-specific-credential-id ${target.ServiceSpecificCredentialId} --status Inactive`,
      docsUrl: DOCS.apiKeys,
    };
    if (forever.length > 0) {
      const users = [...new Set(forever.map((k) => k.UserName ?? '?'))];
      return { state: 'fail', summary: `${plural(forever.length, 'active key')} without expiry (${names(users, 3)})`, evidence, consoleUrl: url, remediation };
    }
    return { state: 'warning', summary: `${plural(active.length, 'active key')}, all expiring`, evidence, consoleUrl: url, remediation };
  },
});
