import type { Recommendation } from '../types.js';

export const MONITORING: Recommendation[] = [];
