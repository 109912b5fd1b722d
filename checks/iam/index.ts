import type { Recommendation } from '../types.js';
import { passwordMinLength } from './2.7-password-min-length.js';

export const IAM: Recommendation[] = [passwordMinLength];
