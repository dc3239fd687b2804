// Facts gathered before rules run: the only place with I/O (CONTRACT.md "The pipeline").
// Rules read these and never touch the network or the disk themselves.

/** What one image reference turned out to be, from `stat` and its header bytes only. */
export interface ImageFacts {
  /** The path as written in the manifest. */
  written: string;
  /** Absolute path it resolves to (relative to the manifest's folder). */
  resolved: string;
  /** What sits at the path: a regular file or why it cannot be read. */
  entry: 'file' | 'missing' | 'directory' | 'fifo' | 'socket' | 'device' | 'symlink-loop' | 'unreadable' | 'other';
  /** Error text for `unreadable` and the like. */
  error?: string;
  /** Size in bytes (regular files). */
  size?: number;
  /** Real type from the content, e.g. `jpg`, `png`, `gif`, `pdf`; undefined when unrecognised. */
  type?: string;
  mime?: string;
  width?: number;
  height?: number;
  /** The header could not be parsed or the file ends early. */
  corrupt?: boolean;
  /** Number of bytes actually read from the file. */
  bytesRead?: number;
  /** The path leads outside the manifest's folder (allowed; reported). */
  outsideManifestDir?: boolean;
}

/** One domain's registration data, normalised from RDAP or port-43 WHOIS. */
export interface WhoisRecord {
  domain: string;
  registrar?: string;
  registrantName?: string;
  registrantOrganization?: string;
  /** ISO 8601 timestamps. */
  created?: string;
  expires?: string;
  /** Statuses in EPP spelling, e.g. `clientHold`, `serverTransferProhibited`. */
  statuses: string[];
  /** Registrant data is hidden by a privacy service or redaction. */
  redacted: boolean;
  /** The name of the privacy service or the redaction text that showed it. */
  privacyMarker?: string;
  source: 'rdap' | 'whois';
  server: string;
  /** A referral, redirect or `related` link that was not followed, and why (outside text, control characters stripped). */
  notFollowed?: string;
  raw?: string;
}

/** The outcome of looking a registrable domain up. */
export interface DomainLookup {
  domain: string;
  status: 'found' | 'not-found' | 'error' | 'offline';
  record?: WhoisRecord;
  /** For `error`: what went wrong (timeout, refused, unparseable ...). */
  error?: string;
  server?: string;
  fromCache?: boolean;
  /** When the answer was fetched (ISO timestamp). */
  fetchedAt?: string;
}
