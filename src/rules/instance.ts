import type { CodeRule } from './types.js';

export const instanceRules: CodeRule[] = [];
