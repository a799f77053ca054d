// Shared by the teacher page and the projector board (loaded before either): the catalogue block the server put
// in the page, and `t()`, which fills `{name}` placeholders exactly as `format()` in src/shared/messages.ts does
// (tests/unit/classroom-pages.test.ts runs both on the same templates).
/* global window */
(() => {
  const $ = (id) => document.getElementById(id);
  const { locale, messages, joinBase } = JSON.parse($('messages').textContent);
  const t = (key, params) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(locale) : String(value);
    });
  window.lqPage = { $, t, locale, joinBase };
})();
