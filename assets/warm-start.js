// Runs as soon as it arrives (a classic async script in index.html, outside the bundle so it does not wait for
// the game's chunks), while the browser is still downloading and compiling the main chunk and the main thread has
// nothing else to do (issue 15, title interactive within 500 ms). It does two pieces of one-time browser work
// the title would otherwise do on its critical path, measured on a cold page in this machine's headless Chromium:
// - the first Intl use initialises ICU (36–68 ms): the title's first formatted message paid it;
// - the first text in the game's font family matches the font (~15–25 ms over its sizes and weights).
// Nothing here is kept: the game builds its own formatters and texts; the browser keeps its caches warm.
// The locales and the font family are the game's (src/shared/i18n/locales.ts, src/game/ui/theme.ts); a unit
// test (tests/unit/warm-start.test.ts) keeps them the same.
(function () {
  'use strict';
  var LOCALES = ['en', 'pl', 'cs', 'es'];
  var FONT_FAMILY = '"Segoe UI", "Helvetica Neue", Roboto, Arial, "Liberation Sans", "DejaVu Sans", sans-serif';
  try {
    Intl.NumberFormat.supportedLocalesOf(LOCALES).forEach(function (locale) {
      new Intl.NumberFormat(locale).format(1234.5);
      new Intl.PluralRules(locale).select(2);
    });
    var ctx = document.createElement('canvas').getContext('2d');
    if (ctx) {
      // Phaser's Text measures '|MÉqgy' in each style; the game's texts are bold and regular.
      ['bold', 'normal'].forEach(function (weight) {
        ctx.font = weight + ' 20px ' + FONT_FAMILY;
        ctx.measureText('|MÉqgy Latent Quest ąčéñ');
      });
    }
  } catch (e) {
    // Only a head start: the game does the same work itself when it needs it.
  }
})();
