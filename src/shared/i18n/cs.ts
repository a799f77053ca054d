/** Stand-in until the translation arrives (npm run i18n:import writes this file). */
import type { Catalogue } from '../messages';

export const cs: Partial<Catalogue> = {
  'title.play': 'Hrát',
  'title.settings': 'Nastavení',
  'settings.title': 'Nastavení',
  'classroom.board.players': '{count, plural, one {# hráč} few {# hráči} other {# hráčů}}',
  'settings.language': 'Jazyk',
};
