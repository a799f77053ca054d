/** Stand-in until the translation arrives (npm run i18n:import writes this file). */
import type { Catalogue } from '../messages';

export const pl: Partial<Catalogue> = {
  'title.play': 'Graj',
  'title.settings': 'Ustawienia',
  'settings.title': 'Ustawienia',
  'classroom.board.players': '{count, plural, one {# gracz} few {# gracze} many {# graczy} other {# gracza}}',
  'settings.language': 'Język',
};
