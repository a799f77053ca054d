/** Stand-in until the translation arrives (npm run i18n:import writes this file). */
import type { Catalogue } from '../messages';

export const es: Partial<Catalogue> = {
  'title.play': 'Jugar',
  'title.settings': 'Ajustes',
  'settings.title': 'Ajustes',
  'classroom.board.players': '{count, plural, one {# jugador} other {# jugadores}}',
  'settings.language': 'Idioma',
};
