import type { Recommendation } from '../types.js';

export const NETWORKING: Recommendation[] = [];
