/**
 * "Try with your own" in world 4 (#14): once an MNIST arithmetic level is won, the player's kept digits join its
 * deck as cards ("your 7"), encoded by the level's model and usable in expressions. They are for trying: an
 * expression with one is decoded and matched live but never scored (no server could re-score a drawing it never
 * saw), so Check stays off until they are taken out. Pure.
 */
import type { LevelDefinition } from '../levels/types';
import type { LocalText } from '../levels/text';
import { CATALOGUES, format, LOCALES } from '../messages';
import { decodeDigit, type OwnDrawings } from './own-drawings';

export const OWN_CARD_PREFIX = 'own:';
/** At most this many own cards join a deck (the newest kept digits). */
export const OWN_CARDS_MAX = 3;

export interface OwnCard {
  id: string;
  label: LocalText;
  /** The kept digit, 784 pixels in [0, 1]. */
  image: Float32Array;
}

export const isOwnCard = (id: string): boolean => id.startsWith(OWN_CARD_PREFIX);

/** "your 7" in every language. */
function ownLabel(digit: number): LocalText {
  const say = (locale: (typeof LOCALES)[number]): string =>
    format(CATALOGUES[locale]['level.arith.ownCard'], { digit: String(digit) }, locale);
  return { en: say('en'), pl: say('pl'), cs: say('cs'), es: say('es') };
}

/** The own cards a level deals: none unless it is an MNIST arithmetic level the player has won. */
export function ownDigitCards(
  level: Pick<LevelDefinition, 'setup'>,
  drawings: OwnDrawings | undefined,
  won: boolean,
): OwnCard[] {
  const { setup } = level;
  if (!won || !drawings || setup.kind !== 'arithmetic') return [];
  if (!setup.deck.some((c) => c.image.kind === 'mnistTest')) return [];
  const cards: OwnCard[] = [];
  drawings.digits.forEach((d, i) => {
    const image = decodeDigit(d);
    if (image) cards.push({ id: `${OWN_CARD_PREFIX}${i}`, label: ownLabel(d.label), image });
  });
  return cards.slice(-OWN_CARDS_MAX);
}
