import type { CodeRule } from './types.js';

export const domainRules: CodeRule[] = [];
