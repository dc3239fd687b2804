// A validated, normalised filing: what rules read.
import type { Manifest, Person, Website, Instance } from './schema.js';
import type { ProvinceSlug } from './provinces.js';

export type Role = 'principal' | 'legalRepresentative' | 'admin';

/** Every person in the filing, with where they stand in the manifest. */
export interface PersonEntry {
  role: Role;
  /** Manifest path of the person, e.g. `entity.principal`, `websites[1].admin`. */
  path: string;
  person: Person;
  /** For `admin`: the website's index. */
  website?: number;
}

export interface FilingWebsite extends Omit<Website, 'admin'> {
  index: number;
  path: string;
  /** The administrator, `admin: principal` (or no admin) resolved to the principal. */
  admin: Person;
  adminPath: string;
  adminIsPrincipal: boolean;
}

/** An instance as declared or read from a DescribeInstances file. */
export interface FilingInstance extends Instance {
  path: string;
  /** The DescribeInstances file it came from, as written. */
  importedFrom?: string;
}

export interface Filing {
  /** The manifest file as given on the command line. */
  file: string;
  /** Absolute folder of the manifest: file references are relative to it. */
  dir: string;
  manifest: Manifest;
  province: ProvinceSlug;
  people: PersonEntry[];
  websites: FilingWebsite[];
  /** Filled by fact gathering (imports resolved); declared instances otherwise. */
  instances: FilingInstance[];
}
