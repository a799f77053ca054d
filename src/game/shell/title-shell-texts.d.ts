/** The HTML title's texts in every language (scripts/title-shell-texts.ts builds them from the catalogues). */
declare module 'virtual:title-shell-texts' {
  const texts: Record<
    'en' | 'pl' | 'cs' | 'es',
    Record<
      | 'app.title'
      | 'title.tagline'
      | 'title.play'
      | 'title.join'
      | 'title.lab'
      | 'title.settings'
      | 'title.keys'
      | 'title.starting'
      | 'title.loadFailed'
      | 'title.progressNone',
      string
    >
  >;
  export default texts;
}
