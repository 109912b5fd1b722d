import type { Recommendation } from '../types.js';

export const STORAGE: Recommendation[] = [];
