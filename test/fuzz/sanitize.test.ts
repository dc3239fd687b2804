// The sanitiser every rendered message goes through, on the inputs the fuzzing found.
import { describe, expect, it } from 'vitest';
import { stripControl } from '../../src/report/sanitize.js';
import { formatPath, parsePath } from '../../src/manifest/paths.js';

describe('stripControl', () => {
  it('removes ANSI, OSC 8, C1 and bidi characters', () => {
    expect(stripControl('a\u001b[2Jb\u001b]8;;http://x\u0007c\u009b2Jd\u202ee\u2066f')).toBe('a[2Jb]8;;http://xc2Jdef');
  });

  it('replaces a lone surrogate (found by fuzzing: `"\\ud800"` in a JSON-style manifest) and keeps a pair', () => {
    expect(stripControl('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(stripControl('😀')).toBe('😀');
  });
});

describe('formatPath', () => {
  it('escapes C1 controls and bidi overrides in a key (found by fuzzing), and parsePath reads it back', () => {
    const key = 'a\u009b2J\u202eb\u200f\u001b';
    const p = formatPath(['documents', 0, key]);
    expect(p).toBe('documents[0]["a\\u009b2J\\u202eb\\u200f\\u001b"]');
    expect(parsePath(p)).toEqual(['documents', 0, key]);
  });
});
