/**
 * The five source documents in ../shared/seeds (the syllabus). A concept card names the file it comes from and
 * the idea as the document itself names it (in its own language), so a teacher can find the slide or section.
 */
export const SEED_FILES = [
  '000_030cefa14aa91942.txt',
  '001_01f0c3934fb2763b.txt',
  '002_473200448d10064a.txt',
  '003_c9063255341ae41f.txt',
  '004_a6fc6e8dcd014518.txt',
] as const;
export type SeedFile = (typeof SEED_FILES)[number];

export interface SeedInfo {
  /** Short citation for the card's footer. */
  citation: string;
  language: 'pl' | 'cs' | 'es';
  year: number;
}

export const SEEDS: Readonly<Record<SeedFile, SeedInfo>> = {
  '000_030cefa14aa91942.txt': { citation: 'F. Ręka, UMCS Lublin: AE vs VAE (slides)', language: 'pl', year: 2022 },
  '001_01f0c3934fb2763b.txt': {
    citation: 'D. Kucharski, AGH Kraków: Autoencoders (slides)',
    language: 'pl',
    year: 2019,
  },
  '002_473200448d10064a.txt': {
    citation: 'Politechnika Śląska: generating handwritten digits (slides)',
    language: 'pl',
    year: 2024,
  },
  '003_c9063255341ae41f.txt': { citation: 'T. Faltejsek, VŠE Praha: VAE thesis draft', language: 'cs', year: 2023 },
  '004_a6fc6e8dcd014518.txt': { citation: 'SIA TP5: Autoencoders course assignment', language: 'es', year: 2022 },
};

export function isSeedFile(file: string): file is SeedFile {
  return (SEED_FILES as readonly string[]).includes(file);
}
