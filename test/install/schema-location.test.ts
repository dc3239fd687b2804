// The `$schema` reference `init` writes resolves on the user's machine however icp-check was installed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installedFromRegistry, publishedSchemaUrl, schemaLocation } from '../../src/manifest/schema-location.js';
import { VERSION } from '../../src/version.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'icp-check-schema-location-'));
const project = path.join(tmp, 'site');
const filings = path.join(project, 'filings', 'acme');
mkdirSync(filings, { recursive: true });
writeFileSync(path.join(project, 'package.json'), '{"private":true}\n');
const localSchema = path.join(project, 'node_modules', 'icp-check', 'schema', 'icp-manifest.schema.json');
const globalPackage = path.join(tmp, 'prefix', 'lib', 'node_modules', 'icp-check');
const globalSchema = path.join(globalPackage, 'schema', 'icp-manifest.schema.json');

function lockfile(resolved: string) {
  mkdirSync(globalPackage, { recursive: true });
  const lock = { name: 'lib', lockfileVersion: 3, packages: { 'node_modules/icp-check': { version: VERSION, resolved } } };
  writeFileSync(path.join(path.dirname(globalPackage), '.package-lock.json'), JSON.stringify(lock));
}

describe('schemaLocation', () => {
  it('is relative to the manifest when icp-check is installed in the manifest’s project', () => {
    expect(schemaLocation(project, { schemaFile: localSchema, published: true })).toBe('./node_modules/icp-check/schema/icp-manifest.schema.json');
    expect(schemaLocation(filings, { schemaFile: localSchema, published: false })).toBe('../../node_modules/icp-check/schema/icp-manifest.schema.json');
  });

  it('is a file URL to the installed copy when installed elsewhere from a tarball or git URL', () => {
    expect(schemaLocation(filings, { schemaFile: globalSchema, published: false })).toBe(pathToFileURL(globalSchema).href);
  });

  it('is the URL of this very version only when the package came from a registry', () => {
    expect(schemaLocation(filings, { schemaFile: globalSchema, published: true })).toBe(publishedSchemaUrl());
    expect(publishedSchemaUrl()).toBe(`https://unpkg.com/icp-check@${VERSION}/schema/icp-manifest.schema.json`);
  });

  it('reads where the package came from in npm’s record of the node_modules folder', () => {
    lockfile(`file:../../icp-check-${VERSION}.tgz`);
    expect(installedFromRegistry(globalPackage)).toBe(false);
    lockfile(`git+ssh://git@example.com/acme/icp-check.git#0123456789abcdef`);
    expect(installedFromRegistry(globalPackage)).toBe(false);
    lockfile(`https://registry.npmjs.org/icp-check/-/icp-check-${VERSION}.tgz`);
    expect(installedFromRegistry(globalPackage)).toBe(true);
    expect(installedFromRegistry(path.join(tmp, 'not-in-node-modules', 'icp-check'))).toBe(false);
  });
});
