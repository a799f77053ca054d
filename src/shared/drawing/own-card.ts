/**
 * "Try with your own" in world 4 (#14): once an MNIST arithmetic level is won, the player's kept digits join its
 * deck as cards ("your 7"), encoded by the level's model and usable in expressions. They are for trying: an
 * expression with one is decoded and matched live but never scored (no server could re-score a drawing it never
 * saw), so Check stays off until they are taken out. Pure.
 */
import type { LevelDefinition } from '../levels/types';
import type { LocalText } from '../levels/text';
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

/** A card's name, as the world files write level texts (a digit, "cyfra"/"číslice", is feminine in pl and cs). */
const OWN_LABEL = { en: 'your #', pl: 'twoja #', cs: 'tvoje #', es: 'tu #' } as const;

/** "your 7" in every language. */
function ownLabel(digit: number): LocalText {
  const d = String(digit);
  return {
    en: OWN_LABEL.en.replace('#', d),
    pl: OWN_LABEL.pl.replace('#', d),
    cs: OWN_LABEL.cs.replace('#', d),
    es: OWN_LABEL.es.replace('#', d),
  };
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
