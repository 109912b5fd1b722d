import type { Recommendation } from '../types.js';

export const LOGGING: Recommendation[] = [];
