// The scp/* rules, in the order they run. Every rule module of this folder is listed here.
import type { Rule } from '../rule';
import principalNotAllowed from './principal-not-allowed';
import regionDenyBreaksCrossRegionInference from './region-deny-breaks-cross-region-inference';
import sizeLimit from './size-limit';

export const scpRules: Rule[] = [principalNotAllowed, sizeLimit, regionDenyBreaksCrossRegionInference];
