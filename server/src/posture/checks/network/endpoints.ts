// Shared by the network checks: the Bedrock interface endpoints of a Region, their short service
// names, and whether an endpoint policy is open to everything.
import type { VpcEndpoint } from '@aws-sdk/client-ec2';
import type { CheckContext } from '../../check';
import { consoleUrl } from '../../aws-links';

/** `bedrock-runtime` of `com.amazonaws.us-east-1.bedrock-runtime`. */
export function shortService(e: VpcEndpoint): string {
  const name = typeof e.ServiceName === 'string' ? e.ServiceName : '';
  return name.slice(name.lastIndexOf('.') + 1);
}

/** Interface endpoints only (gateway endpoints do not exist for Bedrock). */
export function interfaceEndpoints(endpoints: VpcEndpoint[]): VpcEndpoint[] {
  return endpoints.filter((e) => e && String(e.VpcEndpointType ?? '').toLowerCase() === 'interface');
}

/** EC2 answers `available` (lower case); the SDK's enum spells it `Available`. */
export function isAvailable(e: VpcEndpoint): boolean {
  return String(e.State ?? '').toLowerCase() === 'available';
}

/** An evidence label for an endpoint. */
export function endpointLabel(e: VpcEndpoint): string {
  return `${e.VpcEndpointId ?? 'endpoint'} (${shortService(e)}, ${e.VpcId ?? 'no VPC'})`;
}

/** The VPC console's endpoint list. */
export function endpointsConsole(ctx: CheckContext): string {
  return consoleUrl(ctx.region, ctx.partition, 'vpcconsole/home', '#Endpoints:');
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function isStar(v: unknown): boolean {
  return asList(v).includes('*');
}

/**
 * Whether an endpoint policy lets anyone do anything: no policy (the default is full access), or
 * an unconditional Allow of `*` (or `bedrock:*`) on `*` to principal `*`. `undefined` when the
 * document cannot be read.
 */
export function isOpenPolicy(document: string | undefined): boolean | undefined {
  if (document === undefined || document.trim() === '') return true;
  let policy: unknown;
  try {
    policy = JSON.parse(document);
  } catch {
    return undefined;
  }
  if (!policy || typeof policy !== 'object') return undefined;
  return asList((policy as { Statement?: unknown }).Statement).some((s) => {
    if (!s || typeof s !== 'object') return false;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' || st.Condition !== undefined) return false;
    const principal = st.Principal;
    const openPrincipal = principal === '*' || (typeof principal === 'object' && principal !== null && isStar((principal as Record<string, unknown>).AWS));
    const openAction = st.NotAction !== undefined || asList(st.Action).some((a) => a === '*' || a === 'bedrock:*');
    const openResource = st.NotResource !== undefined || isStar(st.Resource);
    return openPrincipal && openAction && openResource;
  });
}
