/**
 * World 5 · the generators (orders 2 and 3; order 1 is in world5-inside-vae.ts): Digits on demand, a
 * pretrained 2-D conditional VAE (world5-digits.ts), and Codebook, a VQ-VAE trained live (world5-codebook.ts).
 * Each level's file header gives the runs behind its star thresholds.
 */
import type { LevelDefinition } from './types';
import { codebook } from './world5-codebook';
import { digitsOnDemand } from './world5-digits';

export const WORLD5_GENERATOR_LEVELS: readonly LevelDefinition[] = [digitsOnDemand, codebook];
