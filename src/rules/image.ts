import type { CodeRule } from './types.js';

export const imageRules: CodeRule[] = [];
